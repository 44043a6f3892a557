package dev.hailway.identity.login;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The stored refresh tokens. */
public interface RefreshTokens {

    void add(RefreshToken token);

    Optional<RefreshToken> findByHash(TokenHash hash);

    /**
     * Marks the token used, unless it is used or revoked already. Atomic: of two concurrent refreshes with one token
     * exactly one gets {@code true}, and the other is then treated as reuse.
     */
    boolean markUsed(UUID id, Instant at);

    /** Revokes every token of the family that is not revoked yet; returns how many. */
    int revokeFamily(UUID familyId, Instant at);
}
