package dev.hailway.pricing.quotes.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Pricing's RSA keys for signing quotes, kept in pricing's database so that every instance and every restart signs
 * with the same key and a quote stays verifiable for its two minutes. The first start makes a key; after that a new
 * one every {@code rotationInterval}, so a leaked key is good for a day at most.
 *
 * <p>A rotation must not break quotes in flight or verifiers with a cached key set, so a key is:
 * <ol>
 *   <li>published as soon as it is stored (every instance reloads within a check interval);</li>
 *   <li>used for signing only once it is {@link #publishDelay established}, two check intervals later, when every
 *       instance's JWKS shows it (trips fetches again on a key id it does not know);</li>
 *   <li>kept published after its successor took over for as long as a quote it signed can be used, plus a margin,
 *       then deleted, private part and all.</li>
 * </ol>
 * Every instance runs {@link #refresh} on a schedule; an advisory lock makes one of them do a due rotation.
 */
final class QuoteKeyRing {

    /** Any constant unique among this database's advisory locks. */
    private static final long KEY_CREATION_LOCK = 0x5a1e_0000_0001L;
    /** Beyond a quote's validity: clock differences between instances and verifiers, and a slow request. */
    private static final Duration RETIREMENT_MARGIN = Duration.ofMinutes(5);

    private record StoredKey(RSAKey key, Instant createdAt) {
    }

    private record Keys(StoredKey signing, JWKSet published) {
    }

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Duration rotationInterval;
    private final Duration publishDelay;
    private final Duration retention;
    private volatile Keys keys;

    QuoteKeyRing(JdbcClient jdbc, TransactionOperations transactions, QuoteSettings settings, Instant now) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rotationInterval = settings.keys().rotationInterval();
        this.publishDelay = settings.keys().checkInterval().multipliedBy(2);
        this.retention = settings.validity().plus(RETIREMENT_MARGIN);
        refresh(now);
    }

    RSAKey signingKey() {
        return keys.signing().key();
    }

    JWKSet published() {
        return keys.published();
    }

    /**
     * Reloads the keys; makes the first one, or the next one when the newest is {@code rotationInterval} old; deletes
     * the ones no quote can still need; picks the signing key. Runs at start and then on every instance's schedule.
     */
    void refresh(Instant now) {
        List<StoredKey> stored = transactions.execute(status -> {
            // Two instances must not each make a key: the second waits for the lock and finds the first's.
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", KEY_CREATION_LOCK).query().singleValue();
            List<StoredKey> found = load();
            if (found.isEmpty() || !found.getFirst().createdAt().plus(rotationInterval).isAfter(now)) {
                create(now);
                found = load();
            }
            List<StoredKey> kept = new ArrayList<>(found);
            for (StoredKey retired : found) {
                if (!needed(retired, found, now)) {
                    jdbc.sql("delete from quote_signing_keys where kid = :kid").param("kid", retired.key().getKeyID())
                            .update();
                    kept.remove(retired);
                }
            }
            return kept;
        });
        StoredKey signing = stored.stream().filter(key -> established(key, now)).findFirst().orElse(stored.getLast());
        keys = new Keys(signing, new JWKSet(stored.stream().map(key -> (JWK) key.key().toPublicJWK()).toList()));
    }

    private boolean established(StoredKey key, Instant now) {
        return !key.createdAt().plus(publishDelay).isAfter(now);
    }

    /**
     * A key is needed until a newer established key has signed for longer than a quote lives. Newest first: the
     * first established key signs; older ones are needed only while quotes they signed may be in use.
     */
    private boolean needed(StoredKey key, List<StoredKey> newestFirst, Instant now) {
        int index = newestFirst.indexOf(key);
        for (StoredKey newer : newestFirst.subList(0, index)) {
            Instant tookOver = newer.createdAt().plus(publishDelay);
            if (!tookOver.plus(retention).isAfter(now)) {
                return false;
            }
        }
        return true;
    }

    private List<StoredKey> load() {
        return jdbc.sql("select kid, public_key, private_key, created_at from quote_signing_keys order by created_at desc")
                .query((row, n) -> new StoredKey(
                        toJwk(row.getString("kid"), row.getBytes("public_key"), row.getBytes("private_key")),
                        row.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private void create(Instant now) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            jdbc.sql("""
                    insert into quote_signing_keys (kid, public_key, private_key, created_at)
                    values (:kid, :publicKey, :privateKey, :createdAt)
                    """)
                    .param("kid", "quote-" + UUID.randomUUID())
                    .param("publicKey", pair.getPublic().getEncoded())
                    .param("privateKey", pair.getPrivate().getEncoded())
                    // PostgreSQL keeps microseconds and rounds: truncated, a key is never stored as younger than it is.
                    .param("createdAt", OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
                    .update();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    private static RSAKey toJwk(String kid, byte[] publicKey, byte[] privateKey) {
        try {
            var rsa = KeyFactory.getInstance("RSA");
            return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey)))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)))
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("quote signing key " + kid + " cannot be read", e);
        }
    }
}
