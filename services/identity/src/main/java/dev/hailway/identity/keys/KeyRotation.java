package dev.hailway.identity.keys;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Keeps exactly one active signing key and retires the old one on rotation. A retired key stays published for one
 * token lifetime plus clock skew, so every token it signed can still be verified and a rotation logs no one out.
 * Each write method must run in its own transaction.
 */
public final class KeyRotation {

    private final SigningKeys keys;
    private final KeyPairs keyPairs;
    private final Clock clock;
    private final Duration rotationInterval;
    private final Duration verificationWindow;

    public KeyRotation(SigningKeys keys, KeyPairs keyPairs, Clock clock, Duration rotationInterval,
            Duration tokenLifetime, Duration clockSkew) {
        if (rotationInterval.compareTo(tokenLifetime) <= 0) {
            // Otherwise a token could outlive the two keys that are published at once.
            throw new IllegalArgumentException("rotation interval must be longer than the token lifetime");
        }
        this.keys = keys;
        this.keyPairs = keyPairs;
        this.clock = clock;
        this.rotationInterval = rotationInterval;
        this.verificationWindow = tokenLifetime.plus(clockSkew);
    }

    /** The active key, made now if there is none yet (first start). */
    public SigningKey ensureActive() {
        var existing = keys.active();
        if (existing.isPresent()) {
            return existing.get();
        }
        keys.lockForRotation();
        return keys.active().orElseGet(() -> addNewActive(now()));
    }

    /** Retires the active key (if any) and makes a new one. */
    public SigningKey rotate() {
        keys.lockForRotation();
        Instant now = now();
        keys.active().ifPresent(current -> keys.update(current.retire(now)));
        return addNewActive(now);
    }

    /** Rotates if the active key is older than the rotation interval; true if it did. */
    public boolean rotateIfDue() {
        keys.lockForRotation();
        var active = keys.active();
        if (active.isPresent() && active.get().createdAt().plus(rotationInterval).isAfter(now())) {
            return false;
        }
        rotate();
        return true;
    }

    /** The keys a verifier needs now: the active one and those retired within the verification window. */
    public List<SigningKey> published() {
        Instant now = now();
        return keys.activeAndRetiredSince(now.minus(verificationWindow)).stream()
                .filter(key -> key.verifiesTokensAt(now, verificationWindow))
                .toList();
    }

    private SigningKey addNewActive(Instant now) {
        var pair = keyPairs.generate();
        var key = SigningKey.active(KeyId.random(), (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate(),
                now);
        keys.add(key);
        return key;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
