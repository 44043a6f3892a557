package dev.hailway.trips.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.trips.booking.QuoteKeysUnavailable;
import dev.hailway.trips.booking.QuoteRejected;
import dev.hailway.trips.support.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NimbusQuoteVerifierTest {

    private final UUID rider = UUID.randomUUID();
    private final NimbusQuoteVerifier verifier = new NimbusQuoteVerifier(
            new ImmutableJWKSet<SecurityContext>(new JWKSet(TestKeys.PRICING.toPublicJWK())));

    @Test
    void readsAQuoteSignedByPricing() {
        var builder = TestKeys.quote(rider);

        var quote = verifier.verify(builder.sign());

        assertThat(quote.id().value()).isEqualTo(builder.quoteId);
        assertThat(quote.rider().value()).isEqualTo(rider);
        assertThat(quote.fare()).isEqualTo(Money.of(12_000, "KRW"));
        assertThat(quote.pickup()).isEqualTo(new GeoPoint(37.5665, 126.978));
        assertThat(quote.dropoff()).isEqualTo(new GeoPoint(37.4979, 127.0276));
        assertThat(quote.vehicleClass()).isEqualTo(VehicleClass.STANDARD);
    }

    @Test
    void leavesTheExpiryToTheCaller() {
        var expired = Instant.parse("2020-01-01T00:00:00Z");

        assertThat(verifier.verify(TestKeys.quote(rider).expiringAt(expired).sign()).expiresAt()).isEqualTo(expired);
    }

    @Test
    void rejectsATamperedQuote() {
        String[] parts = TestKeys.quote(rider).sign().split("\\.");
        String cheaper = TestKeys.quote(rider).fare(1).sign().split("\\.")[1];

        assertInvalid(parts[0] + "." + cheaper + "." + parts[2]);
    }

    @Test
    void rejectsQuotesSignedByAnUnknownKey() {
        assertInvalid(TestKeys.quote(rider).signedBy(TestKeys.STRANGER).sign());
        // A known key id does not help a stranger's signature.
        assertInvalid(TestKeys.quote(rider).signedBy(TestKeys.STRANGER)
                .header(h -> h.keyID(TestKeys.PRICING.getKeyID())).sign());
    }

    @Test
    void rejectsOtherTokensAndOtherIssuers() {
        assertInvalid(TestKeys.quote(rider).header(h -> h.type(new JOSEObjectType("at+jwt"))).sign());
        assertInvalid(TestKeys.quote(rider).header(h -> h.type(null)).sign());
        assertInvalid(TestKeys.quote(rider).claims(c -> c.issuer("hailway-identity")).sign());
    }

    @Test
    void rejectsWhatIsNotAQuoteAtAll() {
        assertInvalid("");
        assertInvalid("not-a-jwt");
        assertInvalid("a.b.c");
        assertInvalid(TestKeys.accessToken(rider, "RIDER"));
    }

    @Test
    void rejectsSignedQuotesThatLackTheirParts() {
        assertInvalid(TestKeys.quote(rider).claims(c -> c.jwtID("not-a-uuid")).sign());
        assertInvalid(TestKeys.quote(rider).claims(c -> c.subject(null)).sign());
        assertInvalid(TestKeys.quote(rider).claims(c -> c.claim("fare", Map.of("amount", 10.5, "currency", "KRW"))).sign());
        assertInvalid(TestKeys.quote(rider).claims(c -> c.claim("fare", Map.of("amount", 100, "currency", "won"))).sign());
        assertInvalid(TestKeys.quote(rider).claims(c -> c.claim("pickup", Map.of("lat", 91, "lng", 0))).sign());
        assertInvalid(TestKeys.quote(rider).claims(c -> c.claim("vehicleClass", "ROCKET")).sign());
        assertInvalid(TestKeys.quote(rider).claims(c -> c.expirationTime(null)).sign());
    }

    @Test
    void aKeySourceThatCannotBeReachedIsNotTheQuotesFault() {
        var unreachable = new NimbusQuoteVerifier((selector, context) -> {
            throw new KeySourceException("connection refused");
        });

        assertThatThrownBy(() -> unreachable.verify(TestKeys.quote(rider).sign()))
                .isInstanceOf(QuoteKeysUnavailable.class);
    }

    @Test
    void rejectsAnUnsignedQuote() {
        String signed = TestKeys.quote(rider).sign();
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"quote+jwt\"}".getBytes(StandardCharsets.UTF_8));

        assertInvalid(none + signed.substring(signed.indexOf('.')));
        assertInvalid(none + signed.substring(signed.indexOf('.'), signed.lastIndexOf('.') + 1));
    }

    private void assertInvalid(String signedQuote) {
        assertThatThrownBy(() -> verifier.verify(signedQuote)).isInstanceOfSatisfying(QuoteRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(QuoteRejected.Reason.INVALID));
    }
}
