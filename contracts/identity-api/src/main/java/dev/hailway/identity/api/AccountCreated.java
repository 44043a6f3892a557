package dev.hailway.identity.api;

import java.util.UUID;

/** Answer to {@code POST /api/auth/register} (201, with {@code Location: /api/me}). */
public record AccountCreated(UUID accountId) {
}
