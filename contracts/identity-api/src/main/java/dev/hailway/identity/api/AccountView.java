package dev.hailway.identity.api;

import java.time.Instant;
import java.util.UUID;

/** Answer to {@code GET /api/me}: the caller's own account. */
public record AccountView(UUID accountId, String email, String name, Role role, Instant createdAt) {
}
