package dev.hailway.identity.login;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

final class InMemoryRefreshTokens implements RefreshTokens {

    private final Map<UUID, RefreshToken> byId = new LinkedHashMap<>();
    /** Simulates a concurrent refresh that spends the token between our read and our write. */
    private UUID spentBehindTheBack;

    @Override
    public void add(RefreshToken token) {
        byId.put(token.id(), token);
    }

    @Override
    public Optional<RefreshToken> findByHash(TokenHash hash) {
        return byId.values().stream().filter(token -> token.hash().equals(hash)).findFirst();
    }

    @Override
    public boolean markUsed(UUID id, Instant at) {
        var token = byId.get(id);
        if (token.isSpent() || id.equals(spentBehindTheBack)) {
            return false;
        }
        byId.put(id, new RefreshToken(token.id(), token.familyId(), token.accountId(), token.hash(), token.issuedAt(),
                token.expiresAt(), at, null));
        return true;
    }

    @Override
    public int revokeFamily(UUID familyId, Instant at) {
        var family = byId.values().stream()
                .filter(token -> token.familyId().equals(familyId) && token.revokedAt() == null).toList();
        family.forEach(token -> byId.put(token.id(), new RefreshToken(token.id(), token.familyId(), token.accountId(),
                token.hash(), token.issuedAt(), token.expiresAt(), token.usedAt(), at)));
        return family.size();
    }

    void spendBehindTheBack(UUID id, Instant at) {
        spentBehindTheBack = id;
    }

    RefreshToken byId(UUID id) {
        return byId.get(id);
    }

    List<RefreshToken> all() {
        return List.copyOf(byId.values());
    }
}
