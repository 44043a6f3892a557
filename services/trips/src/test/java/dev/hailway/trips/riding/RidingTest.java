package dev.hailway.trips.riding;

import static dev.hailway.trips.trip.TripFixtures.DRIVER;
import static dev.hailway.trips.trip.TripFixtures.RIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.trip.ChangingTrips;
import dev.hailway.trips.trip.InMemoryTrips;
import dev.hailway.trips.trip.ListPosition;
import dev.hailway.trips.trip.RecordingTripEvents;
import dev.hailway.trips.trip.TripFixtures;
import dev.hailway.trips.trip.TripMetrics;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RidingTest {

    private static final Caller THE_RIDER = new Caller(RIDER.value(), Set.of("RIDER"));
    private static final Caller THE_DRIVER = new Caller(DRIVER.value(), Set.of("DRIVER"));
    private static final Caller ANOTHER_RIDER = new Caller(UUID.randomUUID(), Set.of("RIDER"));
    private static final Caller ANOTHER_DRIVER = new Caller(UUID.randomUUID(), Set.of("DRIVER"));
    private static final Caller OPERATOR = new Caller(UUID.randomUUID(), Set.of("OPERATOR"));

    private final InMemoryTrips trips = new InMemoryTrips();
    private final RecordingTripEvents events = new RecordingTripEvents();
    private final Riding riding = new Riding(trips,
            new ChangingTrips(trips, events, TripMetrics.NONE, Clock.fixed(TripFixtures.T0, ZoneOffset.UTC)), 3_000);

    @Test
    void itsRiderItsDriverAndOperatorsSeeATrip() {
        var trip = trips.given(TripFixtures.in(TripStatus.DRIVER_ASSIGNED));

        assertThat(riding.view(trip.id(), THE_RIDER)).isEqualTo(trip);
        assertThat(riding.view(trip.id(), THE_DRIVER)).isEqualTo(trip);
        assertThat(riding.view(trip.id(), OPERATOR)).isEqualTo(trip);
    }

    @Test
    void forAnyoneElseTheTripDoesNotExist() {
        var trip = trips.given(TripFixtures.in(TripStatus.DRIVER_ASSIGNED));

        assertThatThrownBy(() -> riding.view(trip.id(), ANOTHER_RIDER)).isInstanceOf(TripNotFound.class);
        assertThatThrownBy(() -> riding.view(trip.id(), ANOTHER_DRIVER)).isInstanceOf(TripNotFound.class);
        assertThatThrownBy(() -> riding.arrive(trip.id(), ANOTHER_DRIVER)).isInstanceOf(TripNotFound.class);
        assertThatThrownBy(() -> riding.cancel(trip.id(), ANOTHER_RIDER)).isInstanceOf(TripNotFound.class);
        assertThat(events.published).isEmpty();
    }

    @Test
    void onlyTheAssignedDriverMovesTheTripNotItsRider() {
        var trip = trips.given(TripFixtures.in(TripStatus.DRIVER_ASSIGNED));

        assertThatThrownBy(() -> riding.arrive(trip.id(), THE_RIDER)).isInstanceOf(TripNotFound.class);
        assertThat(riding.arrive(trip.id(), THE_DRIVER).status()).isEqualTo(TripStatus.DRIVER_ARRIVED);
        assertThat(riding.start(trip.id(), THE_DRIVER).status()).isEqualTo(TripStatus.IN_PROGRESS);
        assertThat(riding.complete(trip.id(), THE_DRIVER).status()).isEqualTo(TripStatus.COMPLETED);
        assertThat(events.published).hasSize(3);
    }

    @Test
    void aMoveInTheWrongStateIsRefused() {
        var trip = trips.given(TripFixtures.in(TripStatus.DRIVER_ASSIGNED));

        assertThatThrownBy(() -> riding.complete(trip.id(), THE_DRIVER)).isInstanceOfSatisfying(MoveRefused.class,
                refused -> assertThat(refused.status()).isEqualTo(TripStatus.DRIVER_ASSIGNED));
        assertThat(events.published).isEmpty();
    }

    @Test
    void aRiderCancellingAfterAssignmentPaysTheConfiguredFee() {
        var trip = trips.given(TripFixtures.in(TripStatus.DRIVER_ARRIVED));

        assertThat(riding.cancel(trip.id(), THE_RIDER).status()).isEqualTo(TripStatus.CANCELLED);

        var cancelled = (TripCancelled) events.published.getFirst();
        assertThat(cancelled.reason()).isEqualTo(CancellationReason.RIDER_CANCELLED);
        assertThat(cancelled.cancellationFee().amount()).isEqualTo(3_000);
    }

    @Test
    void theDriverCancelsWithoutFee() {
        var trip = trips.given(TripFixtures.in(TripStatus.DRIVER_ASSIGNED));

        riding.cancel(trip.id(), THE_DRIVER);

        var cancelled = (TripCancelled) events.published.getFirst();
        assertThat(cancelled.reason()).isEqualTo(CancellationReason.DRIVER_CANCELLED);
        assertThat(cancelled.cancellationFee().isZero()).isTrue();
    }

    @Test
    void onlyOperatorsListTrips() {
        var trip = trips.given(TripFixtures.in(TripStatus.DRIVER_ASSIGNED));
        trips.given(TripFixtures.in(TripStatus.PAID));

        assertThat(riding.recentlyChanged(OPERATOR, TripStatus.DRIVER_ASSIGNED, null, 10)).containsExactly(trip);
        assertThat(riding.recentlyChanged(OPERATOR, null, null, 1000)).hasSize(2);
        assertThatThrownBy(() -> riding.recentlyChanged(THE_RIDER, null, null, 10)).isInstanceOf(TripNotFound.class);
        var newestFirst = riding.recentlyChanged(OPERATOR, null, null, 1000);
        assertThat(riding.recentlyChanged(OPERATOR, null, ListPosition.of(newestFirst.getFirst()), 1000))
                .containsExactly(newestFirst.getLast());
    }

    @Test
    void anUnknownTripIsNotFound() {
        assertThatThrownBy(() -> riding.cancel(new dev.hailway.trips.trip.TripId(UUID.randomUUID()), THE_RIDER))
                .isInstanceOf(TripNotFound.class);
    }
}
