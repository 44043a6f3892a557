package dev.hailway.identity.api;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account was created. Published on {@link IdentityTopics#ACCOUNTS} as the {@code payload} of the platform's
 * event envelope, whose {@code type} is this record's simple name and {@code version} is {@link #VERSION}. A change
 * that breaks readers gets a new version; adding an optional field does not.
 *
 * @param name may be {@code null}: kept optional so that accounts created without a display name stay expressible
 */
public record AccountRegistered(UUID accountId, String email, Role role, String name, Instant registeredAt) {

    public static final int VERSION = 1;

    public AccountRegistered {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
