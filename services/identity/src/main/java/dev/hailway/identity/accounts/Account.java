package dev.hailway.identity.accounts;

import dev.hailway.identity.api.AccountView;
import dev.hailway.identity.api.Role;
import java.time.Instant;
import java.util.Objects;

/** A person who can sign in. Holds the password hash, never the password. */
public record Account(AccountId id, EmailAddress email, String name, Role role, String passwordHash, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 100;

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("name must be 1 to " + MAX_NAME_LENGTH
                    + " characters without control characters");
        }
    }

    public static boolean isValidName(String name) {
        return name != null && !name.isBlank() && name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH
                && !ControlCharacters.in(name);
    }

    public AccountView view() {
        return new AccountView(id.value(), email.value(), name, role, createdAt);
    }

    @Override
    public String toString() {
        return "Account[id=" + id + ", email=" + email + ", role=" + role + "]";
    }
}
