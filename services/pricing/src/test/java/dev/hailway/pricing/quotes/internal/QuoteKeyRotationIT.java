package dev.hailway.pricing.quotes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.hailway.common.api.GeoPoint;
import dev.hailway.platform.testing.TestTokens;
import dev.hailway.pricing.api.SignedQuotes;
import dev.hailway.pricing.support.IntegrationSupport;
import dev.hailway.pricing.support.Places;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The key ring's time is moved by hand (the scheduled refresh is set to once an hour in these tests): a day on, a
 * new key is published at once, signs two check intervals later, and the old one stays published until the last
 * quote it signed has expired.
 */
class QuoteKeyRotationIT extends IntegrationSupport {

    private static final Duration CHECK_INTERVAL = Duration.ofHours(1);

    @Autowired
    QuoteKeyRing ring;

    @Test
    void aNewKeyIsPublishedBeforeItSignsAndTheOldOneStaysUntilItsQuotesHaveExpired() throws Exception {
        String rider = UUID.randomUUID().toString();
        String before = ring.signingKey().getKeyID();
        SignedJWT quoteBefore = quote(rider);
        Instant rotated = Instant.now().plus(Duration.ofHours(25));

        ring.refresh(rotated);
        String next = newestOtherThan(before);
        JWKSet publishedAtRotation = published();
        String signingAtRotation = ring.signingKey().getKeyID();

        Instant established = rotated.plus(CHECK_INTERVAL.multipliedBy(2));
        ring.refresh(established);
        String signingOnceEstablished = ring.signingKey().getKeyID();
        SignedJWT quoteAfter = quote(rider);
        JWKSet publishedWhileOldQuotesMayBeInUse = published();

        ring.refresh(established.plus(Duration.ofMinutes(2 + 5)).plusSeconds(1));

        assertThat(kids(publishedAtRotation)).contains(before, next);
        assertThat(signingAtRotation).as("a new key does not sign before every instance publishes it").isEqualTo(before);
        assertThat(signingOnceEstablished).isEqualTo(next);
        assertThat(quoteAfter.getHeader().getKeyID()).isEqualTo(next);
        RSAKey old = (RSAKey) publishedWhileOldQuotesMayBeInUse.getKeyByKeyId(before);
        assertThat(old).as("the old key is still published while its quotes may be used").isNotNull();
        assertThat(quoteBefore.verify(new RSASSAVerifier(old))).isTrue();
        assertThat(kids(published())).contains(next).doesNotContain(before);
        assertThat(count("select count(*) from quote_signing_keys where kid = '" + before + "'"))
                .as("a retired key is deleted, private part and all").isZero();
    }

    private SignedJWT quote(String rider) throws Exception {
        GeoPoint pickup = Places.anywhere();
        var response = http.post("/api/quotes", Map.of("pickup", point(pickup), "dropoff", point(Places.northOf(pickup))),
                TestTokens.forAccount(rider, "RIDER"), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return SignedJWT.parse(response.json().get("quoteId").asString());
    }

    private static Map<String, Object> point(GeoPoint point) {
        return Map.of("lat", point.lat(), "lng", point.lng());
    }

    private JWKSet published() throws Exception {
        var keys = http.get(SignedQuotes.KEYS_PATH, null);
        assertThat(keys.status()).isEqualTo(200);
        return JWKSet.parse(keys.body());
    }

    private String newestOtherThan(String kid) {
        return jdbc.sql("select kid from quote_signing_keys where kid <> :kid order by created_at desc limit 1")
                .param("kid", kid).query(String.class).single();
    }

    private static List<String> kids(JWKSet set) {
        return set.getKeys().stream().map(JWK::getKeyID).toList();
    }
}
