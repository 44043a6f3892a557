package dev.hailway.history.trips;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.payments.api.PaymentAuthorized;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripDispatchRequested;
import dev.hailway.trips.api.TripDriverAssigned;
import dev.hailway.trips.api.TripPaid;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripStarted;
import dev.hailway.trips.api.TripStatus;
import org.junit.jupiter.api.Test;

class RiderTripProjectionTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final GeoPoint PICKUP = new GeoPoint(37.5665, 126.9780);
    static final GeoPoint DROPOFF = new GeoPoint(37.4979, 127.0276);
    static final Money FARE = Money.of(14_500, "KRW");
    final UUID trip = UUID.randomUUID();
    final UUID rider = UUID.randomUUID();
    final UUID driver = UUID.randomUUID();

    RiderTrip play(Object... events) {
        Optional<RiderTrip> row = Optional.empty();
        for (Object event : events) {
            row = RiderTripProjection.apply(row, event);
        }
        return row.orElseThrow();
    }

    TripRequested requested() {
        return new TripRequested(trip, rider, UUID.randomUUID(), PICKUP, DROPOFF, VehicleClass.STANDARD, FARE,
                UUID.randomUUID(), T0);
    }

    @Test
    void aRequestStartsTheRowWithWhereAndHowMuch() {
        RiderTrip row = play(requested());

        assertThat(row).isEqualTo(new RiderTrip(trip, rider, null, TripStatus.REQUESTED, null, PICKUP, DROPOFF, FARE,
                T0, null, null));
    }

    @Test
    void aPaidTripHasItsDriverItsAssignmentAndItsEnd() {
        RiderTrip row = play(requested(),
                new TripDispatchRequested(trip, rider, PICKUP, DROPOFF, VehicleClass.STANDARD, FARE, T0.plusSeconds(2)),
                new TripDriverAssigned(trip, rider, driver, T0.plusSeconds(40)),
                new TripStarted(trip, rider, driver, T0.plusSeconds(400)),
                new TripPaid(trip, rider, driver, Money.of(15_000, "KRW"), Money.of(12_000, "KRW"), T0.plusSeconds(1_800)));

        assertThat(row.status()).isEqualTo(TripStatus.PAID);
        assertThat(row.driverId()).isEqualTo(driver);
        assertThat(row.assignedAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(row.finishedAt()).isEqualTo(T0.plusSeconds(1_800));
        assertThat(row.fare()).isEqualTo(Money.of(15_000, "KRW"));
        assertThat(row.requestedAt()).isEqualTo(T0);
        assertThat(row.reason()).isNull();
    }

    @Test
    void aCancelledTripKeepsItsReasonAndStaysCancelled() {
        RiderTrip row = play(requested(),
                new TripCancelled(trip, rider, null, CancellationReason.PAYMENT_DECLINED, TripStatus.REQUESTED,
                        Money.zero("KRW"), T0.plusSeconds(3)),
                new TripDriverAssigned(trip, rider, driver, T0.plusSeconds(9)));

        assertThat(row.status()).isEqualTo(TripStatus.CANCELLED);
        assertThat(row.reason()).isEqualTo(CancellationReason.PAYMENT_DECLINED);
        assertThat(row.finishedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void aStatusNeverMovesBackwards() {
        RiderTrip row = play(requested(), new TripStarted(trip, rider, driver, T0.plusSeconds(60)),
                new TripDispatchRequested(trip, rider, PICKUP, DROPOFF, VehicleClass.STANDARD, FARE, T0.plusSeconds(2)));

        assertThat(row.status()).isEqualTo(TripStatus.IN_PROGRESS);
    }

    @Test
    void otherEventsLeaveTripsAlone() {
        assertThat(RiderTripProjection.apply(Optional.empty(),
                new PaymentAuthorized(UUID.randomUUID(), trip, rider, FARE, T0))).isEmpty();
    }
}
