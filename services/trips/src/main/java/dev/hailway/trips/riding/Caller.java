package dev.hailway.trips.riding;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Who is asking: the account from the access token and its roles ({@code RIDER}, {@code DRIVER}, {@code OPERATOR}). */
public record Caller(UUID accountId, Set<String> roles) {

    public Caller {
        Objects.requireNonNull(accountId, "accountId");
        roles = Set.copyOf(roles);
    }

    public boolean isOperator() {
        return roles.contains("OPERATOR");
    }
}
