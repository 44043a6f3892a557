package dev.hailway.history.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.dispatch.api.NoDriverFound;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.history.earnings.DailyEarnings;
import dev.hailway.history.earnings.DriverEarnings;
import dev.hailway.history.earnings.EarningsEntry;
import dev.hailway.history.stats.CellCount;
import dev.hailway.history.stats.DispatchOutcome;
import dev.hailway.history.stats.Statistics;
import dev.hailway.history.trips.RiderTrip;
import dev.hailway.history.trips.RiderTrips;
import dev.hailway.payments.api.PaymentCaptured;
import dev.hailway.payments.api.PaymentDeclined;
import dev.hailway.trips.api.TripDriverAssigned;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripStatus;
import org.junit.jupiter.api.Test;

class ProjectorTest {

    static final Instant AT = Instant.parse("2026-11-25T01:00:00Z");
    static final GeoPoint PICKUP = new GeoPoint(37.5, 127.0);

    final Map<UUID, RiderTrip> trips = new HashMap<>();
    final List<EarningsEntry> earnings = new ArrayList<>();
    final Map<String, Long> cells = new HashMap<>();
    final Map<DispatchOutcome, Long> outcomes = new HashMap<>();
    final Projector projector = new Projector(new InMemoryTrips(), new InMemoryEarnings(), new InMemoryStatistics(),
            point -> point.lat() + "," + point.lng());

    final UUID trip = UUID.randomUUID();
    final UUID rider = UUID.randomUUID();
    final UUID driver = UUID.randomUUID();

    @Test
    void aRequestedTripIsARowAndAPickupInItsCell() {
        Projector.Changed changed = projector.apply(new TripRequested(trip, rider, UUID.randomUUID(), PICKUP, PICKUP,
                VehicleClass.STANDARD, Money.of(10_000, "KRW"), UUID.randomUUID(), AT));

        assertThat(trips.get(trip).status()).isEqualTo(TripStatus.REQUESTED);
        assertThat(cells).containsEntry("37.5,127.0", 1L);
        assertThat(changed).isEqualTo(new Projector.Changed(rider, null, true));
    }

    @Test
    void aLaterTripEventBuildsOnTheStoredRow() {
        projector.apply(new TripRequested(trip, rider, UUID.randomUUID(), PICKUP, PICKUP, VehicleClass.STANDARD,
                Money.of(10_000, "KRW"), UUID.randomUUID(), AT));
        projector.apply(new TripDriverAssigned(trip, rider, driver, AT.plusSeconds(30)));

        assertThat(trips.get(trip).pickup()).isEqualTo(PICKUP);
        assertThat(trips.get(trip).driverId()).isEqualTo(driver);
        assertThat(trips.get(trip).assignedAt()).isEqualTo(AT.plusSeconds(30));
    }

    @Test
    void aCaptureIsTheDriversEarningsAndTouchesNoTrip() {
        Projector.Changed changed = projector.apply(new PaymentCaptured(trip, rider, driver, Money.of(10_000, "KRW"),
                Money.of(2_000, "KRW"), Money.of(8_000, "KRW"), AT));

        assertThat(earnings).containsExactly(new EarningsEntry(driver, LocalDate.of(2026, 11, 25), 1, Money.of(8_000, "KRW")));
        assertThat(trips).isEmpty();
        assertThat(changed).isEqualTo(new Projector.Changed(null, driver, false));
    }

    @Test
    void dispatchOutcomesAreCountedAndOtherEventsChangeNothing() {
        assertThat(projector.apply(new NoDriverFound(trip, 3, "everyone declined", AT)).stats()).isTrue();
        assertThat(outcomes).containsEntry(DispatchOutcome.NO_DRIVER_FOUND, 1L);

        assertThat(projector.apply(new PaymentDeclined(trip, rider, "card_declined", AT)))
                .isEqualTo(new Projector.Changed(null, null, false));
    }

    class InMemoryTrips implements RiderTrips {
        public Optional<RiderTrip> find(UUID tripId) {
            return Optional.ofNullable(trips.get(tripId));
        }

        public void save(RiderTrip row) {
            trips.put(row.tripId(), row);
        }

        public List<RiderTrip> ofRider(UUID riderId, int page, int size) {
            throw new UnsupportedOperationException();
        }

        public long countOfRider(UUID riderId) {
            throw new UnsupportedOperationException();
        }
    }

    class InMemoryEarnings implements DriverEarnings {
        public void add(EarningsEntry entry) {
            earnings.add(entry);
        }

        public List<DailyEarnings> between(UUID driverId, LocalDate from, LocalDate to) {
            throw new UnsupportedOperationException();
        }
    }

    class InMemoryStatistics implements Statistics {
        public void countPickup(String cell) {
            cells.merge(cell, 1L, Long::sum);
        }

        public void countDispatchOutcome(DispatchOutcome outcome) {
            outcomes.merge(outcome, 1L, Long::sum);
        }

        public Map<String, Long> tripsByStatus() {
            throw new UnsupportedOperationException();
        }

        public List<Duration> recentAssignmentWaits(int n) {
            throw new UnsupportedOperationException();
        }

        public List<CellCount> topPickupCells(int n) {
            throw new UnsupportedOperationException();
        }

        public Map<String, Long> dispatchOutcomes() {
            throw new UnsupportedOperationException();
        }
    }
}
