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
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Pricing's own RSA key for signing quotes: made at the first start and kept in pricing's database, so every
 * instance and every restart signs with the same key and a quote stays verifiable for its two minutes. Loaded
 * when the application starts, so a ready instance can sign.
 */
final class QuoteKeyRing {

    /** Any constant unique among this database's advisory locks. */
    private static final long KEY_CREATION_LOCK = 0x5a1e_0000_0001L;

    private final RSAKey signingKey;
    private final JWKSet published;

    QuoteKeyRing(JdbcClient jdbc, TransactionOperations transactions) {
        List<RSAKey> keys = transactions.execute(status -> {
            // Two instances starting together must not each make a key: the second waits and finds the first's.
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", KEY_CREATION_LOCK).query().singleValue();
            List<RSAKey> stored = load(jdbc);
            if (stored.isEmpty()) {
                create(jdbc);
                stored = load(jdbc);
            }
            return stored;
        });
        this.signingKey = keys.getFirst();
        this.published = new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList());
    }

    RSAKey signingKey() {
        return signingKey;
    }

    JWKSet published() {
        return published;
    }

    private static List<RSAKey> load(JdbcClient jdbc) {
        return jdbc.sql("select kid, public_key, private_key from quote_signing_keys order by created_at desc")
                .query((row, n) -> toJwk(row.getString("kid"), row.getBytes("public_key"), row.getBytes("private_key")))
                .list();
    }

    private static void create(JdbcClient jdbc) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            jdbc.sql("""
                    insert into quote_signing_keys (kid, public_key, private_key, created_at)
                    values (:kid, :publicKey, :privateKey, now())
                    """)
                    .param("kid", "quote-" + UUID.randomUUID())
                    .param("publicKey", pair.getPublic().getEncoded())
                    .param("privateKey", pair.getPrivate().getEncoded())
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
