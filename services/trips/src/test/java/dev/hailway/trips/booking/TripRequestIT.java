package dev.hailway.trips.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.trips.TripsIntegrationTest;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.support.Http;
import dev.hailway.trips.support.TestKeys;
import dev.hailway.trips.api.TripTopics;
import dev.hailway.platform.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class TripRequestIT extends TripsIntegrationTest {

    @Test
    void aRiderWithAValidQuoteGetsARequestedTripAnnouncedOnce() {
        var riderId = UUID.randomUUID();
        var quote = TestKeys.quote(riderId);
        var paymentMethod = UUID.randomUUID();

        var response = http.post("/api/trips", rider(riderId),
                Map.of("quoteId", quote.sign(), "paymentMethodId", paymentMethod.toString()));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("status").asString()).isEqualTo("REQUESTED");
        var tripId = UUID.fromString(response.json().get("tripId").asString());
        assertThat(response.header("Location")).isEqualTo("/api/trips/" + tripId);

        var view = http.get("/api/trips/" + tripId, rider(riderId)).json();
        assertThat(view.get("riderId").asString()).isEqualTo(riderId.toString());
        assertThat(view.get("fare").get("amount").asLong()).isEqualTo(12_000);
        assertThat(view.get("fare").get("currency").asString()).isEqualTo("KRW");
        assertThat(view.get("vehicleClass").asString()).isEqualTo("STANDARD");
        assertThat(view.get("pickup").get("lat").asDouble()).isEqualTo(37.5665);

        var requested = tripEvents(tripId).stream().filter(e -> e.get("type").asString().equals("TripRequested"))
                .toList();
        assertThat(requested).hasSize(1);
        var event = Http.JSON.treeToValue(requested.getFirst().get("payload"), TripRequested.class);
        assertThat(event.quoteId()).isEqualTo(quote.quoteId);
        assertThat(event.paymentMethodId()).isEqualTo(paymentMethod);
        assertThat(event.fare().amount()).isEqualTo(12_000);
        assertThat(count("select count(*) from trip_history where trip_id = ? and to_status = 'REQUESTED'", tripId))
                .isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyTwiceGivesTheSameTrip() {
        var riderId = UUID.randomUUID();
        var body = body(TestKeys.quote(riderId).sign());
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        var first = http.post("/api/trips", rider(riderId), body, key);
        var again = http.post("/api/trips", rider(riderId), body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("tripId")).isEqualTo(first.json().get("tripId"));
        assertThat(count("select count(*) from trips where rider_id = ?", riderId)).isEqualTo(1);
        expectProblem(http.post("/api/trips", rider(riderId), body(TestKeys.quote(riderId).sign()), key), 422,
                "idempotency-key-reused");
    }

    @Test
    void theSameIdempotencyKeyConcurrentlyMakesOneTripAndOneEvent() throws Exception {
        var riderId = UUID.randomUUID();
        var body = body(TestKeys.quote(riderId).sign());
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Callable<Http.Response> request = () -> http.post("/api/trips", rider(riderId), body, key);

        List<Http.Response> responses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (var future : pool.invokeAll(List.of(request, request, request, request))) {
                responses.add(future.get());
            }
        }

        // Whether any of them overlaps the first one in flight (409) or all come after it (201, replayed) is up to the
        // scheduler: both are right, so neither is required (containsOnly would demand a 409 as well).
        assertThat(responses).extracting(Http.Response::status).isSubsetOf(201, 409).contains(201);
        assertThat(responses).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> expectProblem(r, 409, "idempotency-key-in-flight"));
        assertThat(responses).filteredOn(r -> r.status() == 201).extracting(r -> r.json().get("tripId").asString())
                .hasSameElementsAs(List.of(responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow()
                        .json().get("tripId").asString()));
        assertThat(count("select count(*) from trips where rider_id = ?", riderId)).isEqualTo(1);
        var tripId = UUID.fromString(responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow()
                .json().get("tripId").asString());
        assertThat(tripEventTypes(tripId)).filteredOn("TripRequested"::equals).hasSize(1);
    }

    @Test
    void everyBadRequestIsAProblemAndStoresNothing() {
        var riderId = UUID.randomUUID();
        var used = TestKeys.quote(riderId).sign();
        var usedTrip = UUID.fromString(requestWith(riderId, used, 201).json().get("tripId").asString());
        long trips = count("select count(*) from trips");
        String valid = TestKeys.quote(riderId).sign();
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + TestKeys.quote(riderId).fare(1).sign().split("\\.")[1] + "." + parts[2];

        expectProblem(requestWith(riderId, tampered, 422), 422, "invalid-quote");
        expectProblem(requestWith(riderId, TestKeys.quote(riderId).signedBy(TestKeys.STRANGER).sign(), 422), 422,
                "invalid-quote");
        expectProblem(requestWith(riderId, "not-a-quote", 422), 422, "invalid-quote");
        expectProblem(requestWith(riderId, TestKeys.quote(riderId).expiringAt(Instant.now().minusSeconds(60)).sign(),
                422), 422, "quote-expired");
        expectProblem(requestWith(riderId, TestKeys.quote(UUID.randomUUID()).sign(), 422), 422, "quote-not-yours");
        expectProblem(requestWith(riderId, used, 409), 409, "quote-already-used");
        expectProblem(http.post("/api/trips", rider(riderId), "{\"quoteId\": "), 400, "malformed-request");
        expectProblem(http.post("/api/trips", rider(riderId), Map.of("quoteId", valid)), 400, "validation");
        expectProblem(http.post("/api/trips", rider(riderId), Map.of("quoteId", valid, "paymentMethodId", "card")),
                400, "malformed-request");
        expectProblem(http.post("/api/trips", rider(riderId), Map.of("quoteId", "", "paymentMethodId",
                UUID.randomUUID().toString())), 400, "validation");
        expectProblem(http.post("/api/trips", null, body(valid)), 401, "unauthorized");
        expectProblem(http.post("/api/trips", driver(riderId), body(valid)), 403, "forbidden");
        expectProblem(http.post("/api/trips", rider(riderId), Map.of("quoteId", "x".repeat(300 * 1024),
                "paymentMethodId", UUID.randomUUID().toString())), 413, "payload-too-large");

        assertThat(count("select count(*) from trips")).isEqualTo(trips);
        // Sent publications are deleted, so the topic is where a stray event would show: none but the first trip's.
        tripEvents(usedTrip);
        assertThat(TopicReader.readAll(kafkaServers, TripTopics.TRIPS))
                .filteredOn(record -> new String(record.value(), StandardCharsets.UTF_8).contains(riderId.toString()))
                .extracting(record -> record.key()).containsOnly(usedTrip.toString());
        // The valid quote was never spent by any of that.
        requestWith(riderId, valid, 201);
    }

    @Test
    void aQuoteSignedWithPricingsNewKeyIsAcceptedOnceItsKeysAreFetchedAgain() {
        var riderId = UUID.randomUUID();
        requestWith(riderId, TestKeys.quote(riderId).sign(), 201);
        int fetches = TestKeys.pricingKeyFetches.get();

        TestKeys.rotatePricingKey();

        // Refetches are rate limited (100 ms here): one that comes too soon after the last is turned away.
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> http.post("/api/trips",
                rider(riderId), body(TestKeys.quote(riderId).signedBy(TestKeys.PRICING_NEXT).sign())).status() == 201);
        assertThat(TestKeys.pricingKeyFetches.get()).isGreaterThan(fetches);
        requestWith(riderId, TestKeys.quote(riderId).sign(), 201);
    }

    private Http.Response requestWith(UUID riderId, String signedQuote, int expectedStatus) {
        var response = http.post("/api/trips", rider(riderId), body(signedQuote));
        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
        return response;
    }
}
