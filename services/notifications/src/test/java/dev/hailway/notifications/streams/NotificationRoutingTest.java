package dev.hailway.notifications.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.dispatch.api.OfferDeclined;
import dev.hailway.dispatch.api.OfferMade;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripDriverAssigned;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.drivers.api.VehicleClass;
import org.junit.jupiter.api.Test;

class NotificationRoutingTest {

    static final Instant AT = Instant.parse("2026-11-25T10:15:30Z");
    static final GeoPoint SEOUL = new GeoPoint(37.5665, 126.9780);
    final UUID eventId = UUID.randomUUID();
    final UUID trip = UUID.randomUUID();
    final UUID rider = UUID.randomUUID();
    final UUID driver = UUID.randomUUID();

    @Test
    void aRequestedTripReachesOnlyItsRider() {
        var requested = new TripRequested(trip, rider, UUID.randomUUID(), SEOUL, SEOUL, VehicleClass.STANDARD,
                Money.of(12_000, "KRW"), UUID.randomUUID(), AT);

        var notifications = NotificationRouting.route(eventId, requested);

        assertThat(notifications).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo(rider);
            assertThat(n.id()).isEqualTo(eventId);
            assertThat(n.name()).isEqualTo("TripRequested");
            assertThat(n.data()).containsEntry("tripId", trip).containsEntry("status", "REQUESTED")
                    .containsEntry("at", AT).doesNotContainKeys("driverId", "reason");
        });
    }

    @Test
    void anAssignedTripReachesItsRiderAndItsDriver() {
        var notifications = NotificationRouting.route(eventId, new TripDriverAssigned(trip, rider, driver, AT));

        assertThat(notifications).extracting(Notification::recipient).containsExactly(rider, driver);
        assertThat(notifications).allSatisfy(n -> assertThat(n.data())
                .containsEntry("status", "DRIVER_ASSIGNED").containsEntry("driverId", driver));
    }

    @Test
    void aCancellationCarriesItsReason() {
        var cancelled = new TripCancelled(trip, rider, null, CancellationReason.NO_DRIVER, TripStatus.PAYMENT_AUTHORIZED,
                Money.zero("KRW"), AT);

        var notifications = NotificationRouting.route(eventId, cancelled);

        assertThat(notifications).singleElement().satisfies(n -> assertThat(n.data())
                .containsEntry("status", "CANCELLED").containsEntry("reason", "NO_DRIVER")
                .doesNotContainKey("driverId"));
    }

    @Test
    void anOfferReachesOnlyTheDriverItWasMadeTo() {
        UUID offer = UUID.randomUUID();
        var made = new OfferMade(offer, trip, driver, SEOUL, SEOUL, Money.of(9_000, "KRW"), 1_200, AT.plusSeconds(15), AT);

        var notifications = NotificationRouting.route(eventId, made);

        assertThat(notifications).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo(driver);
            assertThat(n.name()).isEqualTo("OfferMade");
            assertThat(n.data()).containsEntry("offerId", offer).containsEntry("tripId", trip)
                    .containsEntry("fare", Money.of(9_000, "KRW"));
        });
    }

    @Test
    void eventsNobodyWatchesGoNowhere() {
        assertThat(NotificationRouting.route(eventId, new OfferDeclined(UUID.randomUUID(), trip, driver, AT))).isEmpty();
        assertThat(NotificationRouting.route(eventId, "something else")).isEmpty();
    }
}
