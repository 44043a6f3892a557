package dev.hailway.pricing.quotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.hailway.common.api.GeoPoint;
import dev.hailway.pricing.api.PricingTopics;
import dev.hailway.pricing.api.QuoteIssued;
import dev.hailway.pricing.api.SignedQuotes;
import dev.hailway.pricing.support.Http;
import dev.hailway.pricing.support.IntegrationSupport;
import dev.hailway.pricing.support.Places;
import dev.hailway.platform.testing.TestTokens;
import dev.hailway.platform.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuotesIT extends IntegrationSupport {

    @Test
    void aRiderGetsASignedQuoteThatVerifiesAgainstThePublishedKeys() throws Exception {
        UUID rider = UUID.randomUUID();
        GeoPoint pickup = Places.anywhere();

        var response = http.post("/api/quotes", body(pickup, Places.northOf(pickup), null),
                TestTokens.forAccount(rider, "RIDER"), Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var view = response.json();
        long fare = view.get("fare").get("amount").asLong();
        assertThat(view.get("fare").get("currency").asString()).isEqualTo("KRW");
        assertThat(fare % 100).isZero();
        // About 7.2 km by road at 24 km/h: 4800 + 7.2 × 1000 + 18 × 200 ≈ 15600.
        assertThat(fare).isBetween(15_000L, 16_200L);
        assertThat(view.get("surge").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(view.get("distanceMeters").asLong()).isBetween(7_000L, 7_400L);
        assertThat(view.get("durationSeconds").asLong()).isBetween(1_050L, 1_110L);

        var keys = http.get(SignedQuotes.KEYS_PATH, null);
        assertThat(keys.status()).isEqualTo(200);
        var jwks = JWKSet.parse(keys.body());
        assertThat(keys.body()).doesNotContain("\"d\"");
        var jwt = SignedJWT.parse(view.get("quoteId").asString());
        assertThat(jwt.getHeader().getType().getType()).isEqualTo(SignedQuotes.TYPE);
        var key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(SignedQuotes.ISSUER);
        assertThat(claims.getSubject()).isEqualTo(rider.toString());
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(claims.getExpirationTime().toInstant().toString()).isEqualTo(view.get("expiresAt").asString());
        assertThat(((Number) claims.getJSONObjectClaim("fare").get("amount")).longValue()).isEqualTo(fare);
        assertThat(claims.getStringClaim("surge")).isEqualTo("1.00");
        assertThat(claims.getStringClaim("vehicleClass")).isEqualTo("STANDARD");
        assertThat(((Number) claims.getJSONObjectClaim("pickup").get("lat")).doubleValue()).isEqualTo(pickup.lat());
        assertThat(claims.getLongClaim("distanceMeters")).isEqualTo(view.get("distanceMeters").asLong());

        String quoteId = claims.getJWTID();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                count("select count(*) from event_publication where completion_date is null")).isZero());
        var records = TopicReader.readAll(kafkaServers, PricingTopics.QUOTES).stream()
                .filter(record -> quoteId.equals(record.key())).toList();
        assertThat(records).hasSize(1);
        var envelope = Http.JSON.readTree(records.getFirst().value());
        assertThat(envelope.get("type").asString()).isEqualTo("QuoteIssued");
        var issued = Http.JSON.treeToValue(envelope.get("payload"), QuoteIssued.class);
        assertThat(issued.riderId()).isEqualTo(rider);
        assertThat(issued.fare().amount()).isEqualTo(fare);
        assertThat(issued.pickupCell()).hasSize(15);
    }

    @Test
    void everyBadInputIsAProblemAndChangesNothing() {
        String rider = TestTokens.of("RIDER");
        GeoPoint pickup = Places.anywhere();
        // Only this test's window: the surge job forgets old demand and the outbox deletes completed publications
        // at any time, so a table-wide count can drop.
        Instant start = Instant.now();
        String newDemand = "select count(*) from demand_signals where kind = 'QUOTE' and at >= '" + start + "'";
        String newEvents = "select count(*) from event_publication where publication_date >= '" + start + "'";

        expectProblem(http.post("/api/quotes", body(pickup, Places.northOf(pickup), null), null, Map.of()), 401, "unauthorized");
        expectProblem(http.post("/api/quotes", body(pickup, Places.northOf(pickup), null), TestTokens.of("DRIVER"), Map.of()),
                403, "forbidden");
        expectProblem(http.post("/api/quotes", "{\"pickup\": ", rider, Map.of()), 400, "malformed-request");
        expectProblem(http.post("/api/quotes", Map.of("pickup", point(1, 1)), rider, Map.of()), 400, "validation");
        expectProblem(http.post("/api/quotes", Map.of("pickup", point(91, 0), "dropoff", point(1, 1)), rider, Map.of()),
                400, "validation");
        expectProblem(http.post("/api/quotes", Map.of("pickup", point(0, 0), "dropoff", point(1, 181)), rider, Map.of()),
                400, "validation");
        expectProblem(http.post("/api/quotes", body(pickup, pickup, null), rider, Map.of()), 400, "validation");
        var tooFar = new GeoPoint(Math.min(pickup.lat() + 2, 89), pickup.lng());
        var absurd = http.post("/api/quotes", body(pickup, tooFar, null), rider, Map.of());
        expectProblem(absurd, 400, "validation");
        assertThat(absurd.json().get("errors").get(0).get("field").asString()).isEqualTo("dropoff");
        expectProblem(http.post("/api/quotes", body(pickup, Places.northOf(pickup), "LIMO"), rider, Map.of()),
                400, "validation");

        assertThat(count(newDemand)).isZero();
        assertThat(count(newEvents)).isZero();
    }

    @Test
    void theSameIdempotencyKeyGetsTheSameQuote() {
        String rider = TestTokens.of("RIDER");
        GeoPoint pickup = Places.anywhere();
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        var first = http.post("/api/quotes", body(pickup, Places.northOf(pickup), "COMFORT"), rider, key);
        var again = http.post("/api/quotes", body(pickup, Places.northOf(pickup), "COMFORT"), rider, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("quoteId")).isEqualTo(first.json().get("quoteId"));
    }

    @Test
    void anOperatorsFareRuleChangeAppliesToTheNextQuote() {
        String rider = TestTokens.of("RIDER");
        String operator = TestTokens.of("OPERATOR");
        GeoPoint pickup = Places.anywhere();
        var before = http.post("/api/quotes", body(pickup, Places.northOf(pickup), "XL"), rider, Map.of());
        var rules = http.get("/api/quotes/fare-rules", rider).json();
        long base = rules.get("XL").get("base").get("amount").asLong();

        expectProblem(http.put("/api/quotes/fare-rules/XL", rule(base + 10_000), rider), 403, "forbidden");
        expectProblem(http.put("/api/quotes/fare-rules/LIMO", rule(base), operator), 404, "not-found");
        expectProblem(http.put("/api/quotes/fare-rules/XL", Map.of("base", Map.of("amount", -1, "currency", "KRW")),
                operator), 400, "validation");
        var changed = http.put("/api/quotes/fare-rules/XL", rule(base + 10_000), operator);
        var after = http.post("/api/quotes", body(pickup, Places.northOf(pickup), "XL"), rider, Map.of());
        http.put("/api/quotes/fare-rules/XL", rule(base), operator);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(after.json().get("fare").get("amount").asLong())
                .isEqualTo(before.json().get("fare").get("amount").asLong() + 10_000);
    }

    @Test
    void cacheHitRatesShowInPrometheusMetrics() {
        GeoPoint pickup = Places.anywhere();
        http.post("/api/quotes", body(pickup, Places.northOf(pickup), null), TestTokens.of("RIDER"), Map.of());

        var metrics = http.get("/actuator/prometheus", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("cache_gets_total{application=\"pricing\",cache=\"fareRules\"", "cache_gets_total{application=\"pricing\",cache=\"surgeCells\"");
    }

    static Map<String, Object> body(GeoPoint pickup, GeoPoint dropoff, String vehicleClass) {
        var body = new HashMap<String, Object>();
        body.put("pickup", point(pickup.lat(), pickup.lng()));
        body.put("dropoff", point(dropoff.lat(), dropoff.lng()));
        if (vehicleClass != null) {
            body.put("vehicleClass", vehicleClass);
        }
        return body;
    }

    private static Map<String, Object> point(double lat, double lng) {
        return Map.of("lat", lat, "lng", lng);
    }

    private static Map<String, Object> rule(long base) {
        return Map.of("base", Map.of("amount", base, "currency", "KRW"),
                "perKilometre", Map.of("amount", 1500, "currency", "KRW"),
                "perMinute", Map.of("amount", 300, "currency", "KRW"));
    }

    private static void expectProblem(Http.Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://hailway.dev/problems/" + slug);
        assertThat(List.of(response.body())).noneMatch(body -> body.contains("Exception"));
    }
}
