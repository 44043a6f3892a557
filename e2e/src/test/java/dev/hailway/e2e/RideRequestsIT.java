package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

import dev.hailway.runtime.Platform;

/** Idempotent trip requests and bad input on the ride's endpoints: a 4xx problem, and nothing changed. */
@ExtendWith(PlatformExtension.class)
class RideRequestsIT {

    private final Platform platform;
    private final Api api;
    private final Rides rides;

    RideRequestsIT(Platform platform) {
        this.platform = platform;
        this.api = new Api(platform.gatewayUrl());
        this.rides = new Rides(api);
    }

    @Test
    void theSameIdempotencyKeySentTwiceGivesOneTripAndOneHold() {
        Rides.Point pickup = Rides.newPlace();
        Rides.Rider rider = rides.riderWithCard("tok_visa");
        String quoteId = rider.quote(pickup, pickup.offset(0.02, 0.0)).get("quoteId").asString();
        String key = UUID.randomUUID().toString();

        Api.Response first = rider.request(quoteId, key);
        Api.Response again = rider.request(quoteId, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        UUID tripId = UUID.fromString(first.json().get("tripId").asString());
        assertThat(again.json().get("tripId").asString()).isEqualTo(tripId.toString());
        assertThat(EventLog.count(platform, "trips.trips", tripId, "TripRequested")).isEqualTo(1);
        assertThat(EventLog.count(platform, "payments.payments", tripId, "PaymentAuthorized")).isEqualTo(1);
        rider.cancel(tripId);
    }

    @Test
    void theSameIdempotencyKeySentConcurrentlyGivesOneTripAndOneHold() throws Exception {
        Rides.Point pickup = Rides.newPlace();
        Rides.Rider rider = rides.riderWithCard("tok_visa");
        String quoteId = rider.quote(pickup, pickup.offset(0.02, 0.0)).get("quoteId").asString();
        String key = UUID.randomUUID().toString();
        List<Callable<Api.Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(() -> rider.request(quoteId, key));
        }

        List<Api.Response> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<Api.Response> answer : pool.invokeAll(attempts)) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).extracting(Api.Response::status).isSubsetOf(201, 409).contains(201);
        List<String> tripIds = answers.stream().filter(a -> a.status() == 201).map(a -> a.json().get("tripId").asString()).distinct().toList();
        assertThat(tripIds).hasSize(1);
        UUID tripId = UUID.fromString(tripIds.getFirst());
        assertThat(EventLog.count(platform, "trips.trips", tripId, "TripRequested")).isEqualTo(1);
        assertThat(EventLog.count(platform, "payments.payments", tripId, "PaymentAuthorized")).isEqualTo(1);
        rider.cancel(tripId);
    }

    @Test
    void aQuoteWithCoordinatesOutOfRangeIsRejected() {
        Rides.Rider rider = rides.riderWithCard("tok_visa");

        assertProblem(api.post("/api/quotes", rider.account.accessToken(),
                Map.of("pickup", Map.of("lat", 91.0, "lng", 127.0), "dropoff", Map.of("lat", 37.5, "lng", 127.0))), 400);
        assertProblem(api.post("/api/quotes", rider.account.accessToken(),
                Map.of("pickup", Map.of("lat", 37.5, "lng", 127.0), "dropoff", Map.of("lat", 37.5, "lng", 181.0))), 400);
        assertProblem(api.post("/api/quotes", rider.account.accessToken(),
                Map.of("pickup", Map.of("lat", 37.5, "lng", 127.0), "dropoff", Map.of("lat", 33.0, "lng", 120.0))), 400);
    }

    @Test
    void impossiblePingsAreRejectedNamingTheField() {
        Api.SignedIn driver = api.registerAndSignIn("DRIVER");

        Api.Response latitude = api.post("/api/locations", driver.accessToken(), Map.of("lat", -90.5, "lng", 127.0, "at", Instant.now().toString()));
        Api.Response future = api.post("/api/locations", driver.accessToken(),
                Map.of("lat", 37.5, "lng", 127.0, "at", Instant.now().plusSeconds(120).toString()));
        Api.Response speed = api.post("/api/locations", driver.accessToken(),
                Map.of("lat", 37.5, "lng", 127.0, "speedKmh", -5, "at", Instant.now().toString()));

        assertProblem(latitude, 400);
        assertThat(latitude.body()).contains("lat");
        assertProblem(future, 400);
        assertThat(future.body()).contains("at");
        assertProblem(speed, 400);
        assertThat(speed.body()).contains("speedKmh");
    }

    @Test
    void unknownAndTamperedQuotesAreRejectedAndCreateNoTrip() {
        Rides.Point pickup = Rides.newPlace();
        Rides.Rider rider = rides.riderWithCard("tok_visa");
        String quoteId = rider.quote(pickup, pickup.offset(0.02, 0.0)).get("quoteId").asString();
        String[] parts = quoteId.split("\\.");
        String cheaper = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + (parts[1].endsWith("A") ? "B" : "A") + parts[1].charAt(parts[1].length() - 1) + "." + parts[2];

        assertProblemIn4xx(rider.request("no-such-quote", UUID.randomUUID().toString()));
        assertProblemIn4xx(rider.request(cheaper, UUID.randomUUID().toString()));
        assertProblemIn4xx(api.postWithKey("/api/trips", rider.account.accessToken(),
                Map.of("quoteId", quoteId, "paymentMethodId", "not-a-uuid"), UUID.randomUUID().toString()));

        Api.Response genuine = rider.request(quoteId, UUID.randomUUID().toString());
        assertThat(genuine.status()).as("the untouched quote is still unused: " + genuine).isEqualTo(201);
        rider.cancel(UUID.fromString(genuine.json().get("tripId").asString()));
    }

    @Test
    void aQuoteOfAnotherRiderCannotBeUsed() {
        Rides.Point pickup = Rides.newPlace();
        Rides.Rider owner = rides.riderWithCard("tok_visa");
        Rides.Rider thief = rides.riderWithCard("tok_visa");
        String quoteId = owner.quote(pickup, pickup.offset(0.02, 0.0)).get("quoteId").asString();

        assertProblemIn4xx(thief.request(quoteId, UUID.randomUUID().toString()));
    }

    @Test
    void anotherRidersTripIsNotFoundAndARiderCannotDrive() {
        Rides.Point pickup = Rides.newPlace();
        Rides.Rider owner = rides.riderWithCard("tok_visa");
        Rides.Rider stranger = rides.riderWithCard("tok_visa");
        Rides.Trip trip = owner.requestTrip(pickup, pickup.offset(0.02, 0.0));

        assertProblem(api.get("/api/trips/" + trip.id(), stranger.account.accessToken()), 404);
        assertProblem(stranger.cancel(trip.id()), 404);
        Api.Response drive = api.post("/api/trips/" + trip.id() + "/arrive", owner.account.accessToken(), "");
        assertThat(drive.status()).as(drive.toString()).isIn(403, 404);
        assertProblem(api.get("/api/offers", owner.account.accessToken()), 403);

        JsonNode unchanged = owner.trip(trip.id());
        assertThat(unchanged.get("status").asString()).isNotEqualTo("DRIVER_ARRIVED");
        owner.cancel(trip.id());
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
    }

    private static void assertProblemIn4xx(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception");
    }
}
