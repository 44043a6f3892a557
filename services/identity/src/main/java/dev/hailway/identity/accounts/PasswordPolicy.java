package dev.hailway.identity.accounts;

import java.util.Optional;

/**
 * Length is what makes a password strong (NIST SP 800-63B); composition rules only make people write {@code Passw0rd!}.
 * The upper bound stops a client from making us hash megabytes. Lengths count code points, so an emoji is one character.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty if it is acceptable. */
    public static Optional<String> violation(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("must not be empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            return Optional.of("must not be blank");
        }
        // Not only NUL (which C-based tools take for the end of the string, silently shortening the secret): a
        // password has to be typed again on every device, and no keyboard types BEL or ESC, so refusing them costs no
        // one a real password. Spaces, punctuation and any other Unicode stay allowed, as NIST SP 800-63B asks.
        if (ControlCharacters.in(password)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }

    public static void require(String password) {
        violation(password).ifPresent(reason -> {
            throw new IllegalArgumentException("password " + reason);
        });
    }
}
