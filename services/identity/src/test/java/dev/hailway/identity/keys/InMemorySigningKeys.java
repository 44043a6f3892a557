package dev.hailway.identity.keys;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemorySigningKeys implements SigningKeys {

    private final Map<KeyId, SigningKey> byId = new LinkedHashMap<>();
    public int locks;

    @Override
    public void lockForRotation() {
        locks++;
    }

    @Override
    public Optional<SigningKey> active() {
        return byId.values().stream().filter(key -> key.state() == KeyState.ACTIVE).findFirst();
    }

    @Override
    public List<SigningKey> activeAndRetiredSince(Instant retiredSince) {
        return byId.values().stream()
                .filter(key -> key.state() == KeyState.ACTIVE || !key.retiredAt().isBefore(retiredSince))
                .sorted(Comparator.comparing(SigningKey::createdAt).reversed())
                .toList();
    }

    @Override
    public void add(SigningKey key) {
        if (key.state() == KeyState.ACTIVE && active().isPresent()) {
            throw new IllegalStateException("the unique index allows one active key");
        }
        byId.put(key.id(), key);
    }

    @Override
    public void update(SigningKey key) {
        byId.put(key.id(), key);
    }

    public List<SigningKey> all() {
        return List.copyOf(byId.values());
    }
}
