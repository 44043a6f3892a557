package dev.hailway.identity.accounts;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address in its normal form (trimmed, lower-case), so that {@code Ann@X.org } and {@code ann@x.org} are one
 * account. Lower-casing the local part is stricter than RFC 5321 allows, but no real provider distinguishes case and
 * users do not expect it.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;

    // Deliberately loose: the only real check of an address is a mail that arrives; this just refuses obvious garbage.
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        if (!isValid(value) || !value.equals(normalise(value))) {
            throw new IllegalArgumentException("not a normalised e-mail address");
        }
    }

    public static EmailAddress of(String raw) {
        return new EmailAddress(normalise(raw));
    }

    public static boolean isValid(String raw) {
        if (raw == null) {
            return false;
        }
        String normal = normalise(raw);
        return normal.length() <= MAX_LENGTH && SHAPE.matcher(normal).matches() && !ControlCharacters.in(raw);
    }

    private static String normalise(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
