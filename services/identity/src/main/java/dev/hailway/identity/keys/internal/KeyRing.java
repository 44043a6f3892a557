package dev.hailway.identity.keys.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.hailway.identity.keys.KeyRotation;
import dev.hailway.identity.keys.SigningKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The keys as this instance sees them: {@link KeyRotation} in transactions, plus a short cache so that signing a
 * token or serving the JWKS does not read and parse keys from the database every time.
 */
final class KeyRing {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    private final KeyRotation rotation;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final KeySettings settings;
    private volatile Cached cached;

    private record Cached(SigningKey active, JWKSet published, Instant readAt) {
    }

    KeyRing(KeyRotation rotation, TransactionOperations transactions, Clock clock, KeySettings settings) {
        this.rotation = rotation;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    SigningKey active() {
        return current().active();
    }

    /** The public keys a verifier needs: the active one and recently retired ones. */
    JWKSet published() {
        return current().published();
    }

    SigningKey ensureActive() {
        var key = inTransaction(rotation::ensureActive);
        cached = null;
        return key;
    }

    SigningKey rotate() {
        var key = inTransaction(rotation::rotate);
        cached = null;
        log.info("Rotated signing keys; active key is now {}", key.id());
        return key;
    }

    void rotateIfDue() {
        if (Boolean.TRUE.equals(inTransaction(rotation::rotateIfDue))) {
            cached = null;
            log.info("Rotated signing keys on schedule");
        }
    }

    /** Forgets what it read, so the next call sees the database (another instance may have rotated). */
    void refresh() {
        cached = null;
    }

    private Cached current() {
        var snapshot = cached;
        Instant now = clock.instant();
        if (snapshot == null || snapshot.readAt().plus(settings.cacheTtl()).isBefore(now)) {
            snapshot = inTransaction(() -> {
                var active = rotation.ensureActive();
                return new Cached(active, jwks(rotation.published()), now);
            });
            cached = snapshot;
        }
        return snapshot;
    }

    static RSAKey jwk(SigningKey key, boolean withPrivate) {
        var builder = new RSAKey.Builder(key.publicKey())
                .keyID(key.id().value())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .issueTime(Date.from(key.createdAt()));
        if (withPrivate) {
            builder.privateKey(key.privateKey());
        }
        return builder.build();
    }

    private static JWKSet jwks(List<SigningKey> keys) {
        return new JWKSet(keys.stream().<JWK>map(key -> jwk(key, false)).toList());
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
