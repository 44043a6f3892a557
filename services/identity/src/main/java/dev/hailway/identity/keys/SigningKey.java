package dev.hailway.identity.keys;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** An RSA key pair that signs access tokens (RS256). */
public record SigningKey(KeyId id, KeyState state, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant createdAt,
        Instant retiredAt) {

    public SigningKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((state == KeyState.RETIRED) != (retiredAt != null)) {
            throw new IllegalArgumentException("a key has a retirement time exactly when it is retired");
        }
    }

    public static SigningKey active(KeyId id, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant createdAt) {
        return new SigningKey(id, KeyState.ACTIVE, publicKey, privateKey, createdAt, null);
    }

    public SigningKey retire(Instant at) {
        if (state == KeyState.RETIRED) {
            throw new IllegalStateException("key " + id + " is retired already");
        }
        return new SigningKey(id, KeyState.RETIRED, publicKey, privateKey, createdAt, at);
    }

    /** Whether a token it signed could still be unexpired at {@code now}. */
    public boolean verifiesTokensAt(Instant now, Duration tokenLifetimeWithSkew) {
        return switch (state) {
            case ACTIVE -> true;
            case RETIRED -> retiredAt.plus(tokenLifetimeWithSkew).isAfter(now);
        };
    }

    @Override
    public String toString() {
        return "SigningKey[id=" + id + ", state=" + state + ", createdAt=" + createdAt + ", retiredAt=" + retiredAt + "]";
    }
}
