package dev.hailway.identity.login;

import dev.hailway.identity.accounts.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored refresh token. Every token descends from one login: they share a {@code familyId}, so that when a spent
 * token comes back (it was stolen, or a client retried badly) the whole family can be revoked at once.
 */
public record RefreshToken(UUID id, UUID familyId, AccountId accountId, TokenHash hash, Instant issuedAt,
        Instant expiresAt, Instant usedAt, Instant revokedAt) {

    public RefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static RefreshToken issue(UUID familyId, AccountId accountId, TokenHash hash, Instant now, Instant expiresAt) {
        return new RefreshToken(UUID.randomUUID(), familyId, accountId, hash, now, expiresAt, null, null);
    }

    public boolean isSpent() {
        return usedAt != null || revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
