package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.hailway.runtime.ContainerPlatform;

/**
 * Containers killed with SIGKILL, and PostgreSQL's removed and made again from its image as {@code ./hailway down}
 * and {@code up} do: the trip of before is still there every time, and the platform takes new ones.
 */
@ExtendWith(ContainerPlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecoveringContainersFromImagesIT {

    private final ContainerPlatform platform;
    private final Api api;
    private final Rides rides;
    private Rides.Rider rider;
    private Rides.Trip trip;

    RecoveringContainersFromImagesIT(ContainerPlatform platform) {
        this.platform = platform;
        this.api = new Api(platform.gatewayUrl());
        this.rides = new Rides(api);
    }

    @Test
    @Order(1)
    void aKilledServiceContainerStartsAgainAndServesWhatItStoredBefore() {
        rider = rides.riderWithCard("tok_visa");
        Rides.Point pickup = Rides.newPlace();
        trip = rider.requestTrip(pickup, pickup.offset(0.02, 0.0));
        assertThat(rider.cancel(trip.id()).status()).isEqualTo(200);
        rider.awaitStatus(trip.id(), "CANCELLED");

        platform.kill("trips");
        assertThat(api.get("/api/trips/" + trip.id(), rider.account.accessToken()).status())
                .as("the gateway says the service is away").isIn(502, 503, 504);
        platform.start("trips");

        assertThat(rider.trip(trip.id()).get("reason").asString()).isEqualTo("RIDER_CANCELLED");
        assertARideCanBeRequested();
    }

    @Test
    @Order(2)
    void aKilledDatabaseComesBackWithItsDataAndTheServicesReconnect() {
        platform.kill(ContainerPlatform.POSTGRES);
        platform.start(ContainerPlatform.POSTGRES);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.get("/api/trips/" + trip.id(), rider.account.accessToken()).status() == 200);
        assertThat(rider.trip(trip.id()).get("status").asString()).isEqualTo("CANCELLED");
        assertARideCanBeRequested();
    }

    @Test
    @Order(3)
    void aDatabaseContainerMadeAgainFromItsImageFindsItsDataInTheVolume() {
        platform.recreate(ContainerPlatform.POSTGRES);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.get("/api/trips/" + trip.id(), rider.account.accessToken()).status() == 200);
        assertThat(rider.trip(trip.id()).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(api.operatorToken(platform.operatorEmail(), platform.operatorPassword())).as("identity's accounts survived").isNotBlank();
        assertARideCanBeRequested();
    }

    /** A new trip is taken (and cancelled again), so the whole write path works after the fault. */
    private void assertARideCanBeRequested() {
        Rides.Point pickup = Rides.newPlace();
        var another = new java.util.concurrent.atomic.AtomicReference<Rides.Trip>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> another.set(rider.requestTrip(pickup, pickup.offset(0.02, 0.0))));
        assertThat(rider.cancel(another.get().id()).status()).isEqualTo(200);
        rider.awaitStatus(another.get().id(), "CANCELLED");
    }
}
