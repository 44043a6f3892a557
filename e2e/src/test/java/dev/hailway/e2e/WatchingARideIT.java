package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

import dev.hailway.platform.testing.SseClient;
import dev.hailway.runtime.Platform;

/**
 * The live side of a ride, through the gateway: the rider's stream follows the trip, the driver's shows offers, and a
 * stream that reconnects with its last event id gets what it missed.
 */
@ExtendWith(PlatformExtension.class)
class WatchingARideIT {

    private static final String STREAM = "/api/notifications/stream";

    private final Platform platform;
    private final Api api;
    private final Rides rides;

    WatchingARideIT(Platform platform) {
        this.platform = platform;
        this.api = new Api(platform.gatewayUrl());
        this.rides = new Rides(api);
    }

    @Test
    void theRiderWatchesTheTripToPaidAndTheDriverSeesTheOfferAsItIsMade() throws Exception {
        Rides.Point pickup = Rides.newPlace();
        Rides.Driver driver = rides.onlineDriverAt(pickup.offset(0.002, 0.002));
        Rides.Rider rider = rides.riderWithCard("tok_visa");
        Rides.Rider someoneElse = rides.riderWithCard("tok_visa");

        try (SseClient riderStream = open(rider.account.accessToken());
             SseClient driverStream = open(driver.account.accessToken());
             SseClient otherStream = open(someoneElse.account.accessToken())) {
            Rides.Trip trip = rider.requestTrip(pickup, pickup.offset(0.03, 0.03));

            SseClient.Event offer = awaitEvent(driverStream, "OfferMade", trip.id());
            UUID offerId = UUID.fromString(Api.JSON.readTree(offer.data()).get("offerId").asString());
            assertThat(driver.accept(offerId).status()).isEqualTo(200);
            JsonNode assigned = Api.JSON.readTree(awaitEvent(riderStream, "TripDriverAssigned", trip.id()).data());
            assertThat(assigned.get("status").asString()).isEqualTo("DRIVER_ASSIGNED");
            assertThat(assigned.get("driverId").asString()).isEqualTo(driver.id().toString());
            for (String step : List.of("arrive", "start", "complete")) {
                assertThat(driver.move(trip.id(), step).status()).isEqualTo(200);
            }
            awaitEvent(riderStream, "TripPaid", trip.id());

            assertThat(namesFor(riderStream, trip.id())).as("the rider saw every step, in order").containsSubsequence(
                    "TripDriverAssigned", "TripDriverArrived", "TripStarted", "TripCompleted", "TripPaid");
            assertThat(riderStream.events()).as("no offer reaches a rider").noneMatch(event -> "OfferMade".equals(event.name()));
            assertThat(namesFor(otherStream, trip.id())).as("another rider sees nothing of this trip").isEmpty();

            // The rider's phone dropped the connection after the assignment: back, it gets the rest, in order.
            SseClient.Event lastSeen = awaitEvent(riderStream, "TripDriverAssigned", trip.id());
            try (SseClient back = SseClient.open(platform.gatewayUrl() + STREAM, rider.account.accessToken(),
                    Map.of("Last-Event-ID", lastSeen.id()))) {
                awaitEvent(back, "TripPaid", trip.id());
                assertThat(namesFor(back, trip.id())).containsExactly(
                        "TripDriverArrived", "TripStarted", "TripCompleted", "TripPaid");
            }
        }
        driver.goOffline();
    }

    @Test
    void aStreamWithoutATokenIsRefused() {
        Api.Response refused = api.get(STREAM, null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private SseClient open(String accessToken) throws Exception {
        return SseClient.open(platform.gatewayUrl() + STREAM, accessToken);
    }

    private static SseClient.Event awaitEvent(SseClient stream, String name, UUID tripId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> stream.events().stream()
                                .filter(event -> name.equals(event.name()) && event.data().contains(tripId.toString()))
                                .findFirst().orElse(null),
                        event -> event != null);
    }

    private static List<String> namesFor(SseClient stream, UUID tripId) {
        return stream.events().stream().filter(event -> event.data().contains(tripId.toString()))
                .map(SseClient.Event::name).toList();
    }
}
