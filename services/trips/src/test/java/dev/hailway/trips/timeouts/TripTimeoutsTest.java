package dev.hailway.trips.timeouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.platform.testing.MutableClock;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.trip.ChangingTrips;
import dev.hailway.trips.trip.Deadlines;
import dev.hailway.trips.trip.Decision;
import dev.hailway.trips.trip.InMemoryTrips;
import dev.hailway.trips.trip.RecordingTripEvents;
import dev.hailway.trips.trip.TripFixtures;
import dev.hailway.trips.trip.TripId;
import dev.hailway.trips.trip.TripMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TripTimeoutsTest {

    private static final Deadlines DEADLINES = new Deadlines(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(3), Duration.ofSeconds(4));

    private final InMemoryTrips trips = new InMemoryTrips();
    private final RecordingTripEvents events = new RecordingTripEvents();
    private final List<TripId> flagged = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger overdueGauge = new java.util.concurrent.atomic.AtomicInteger(-1);
    private final MutableClock clock = new MutableClock(TripFixtures.T0);
    private final TripMetrics metrics = new TripMetrics() {
        @Override
        public void moved(Decision.Move move) {
        }

        @Override
        public void captureOverdue(TripId trip) {
            flagged.add(trip);
        }

        @Override
        public void active(Map<TripStatus, Long> countsByStatus) {
        }

        @Override
        public void overdue(int stuck) {
            overdueGauge.set(stuck);
        }
    };
    private final TripTimeouts timeouts = new TripTimeouts(trips, new ChangingTrips(trips, events, metrics, clock),
            metrics, DEADLINES);

    @Test
    void eachStuckStepTimesOutAtItsOwnDeadline() {
        var requested = trips.given(TripFixtures.in(TripStatus.REQUESTED));
        var authorized = trips.given(TripFixtures.in(TripStatus.PAYMENT_AUTHORIZED));
        var assigned = trips.given(TripFixtures.in(TripStatus.DRIVER_ASSIGNED));

        clock.set(TripFixtures.T0.plusSeconds(1));
        assertThat(sweep()).containsExactly(requested.id());
        clock.set(TripFixtures.T0.plusSeconds(2));
        assertThat(sweep()).containsExactly(authorized.id());
        clock.set(TripFixtures.T0.plusSeconds(3));
        assertThat(sweep()).containsExactly(assigned.id());

        assertThat(events.published).map(event -> ((TripCancelled) event).reason()).containsExactly(
                CancellationReason.TIMED_OUT, CancellationReason.NO_DRIVER, CancellationReason.TIMED_OUT);
        assertThat(sweep()).isEmpty();
    }

    @Test
    void aTripThatMovedOnSinceTheQueryIsLeftAlone() {
        var requested = trips.given(TripFixtures.in(TripStatus.REQUESTED));
        clock.set(TripFixtures.T0.plusSeconds(5));
        List<TripId> due = timeouts.overdue();
        trips.given(TripFixtures.moved(requested.paymentAuthorized(java.util.UUID.randomUUID(), clock.instant())));

        assertThat(timeouts.timeOut(due.getFirst()).orElseThrow()).isInstanceOf(Decision.Refusal.class);
        assertThat(events.published).isEmpty();
    }

    @Test
    void aCompletedTripWaitingForItsCaptureIsFlaggedOnceAndNeverCancelled() {
        var completed = trips.given(TripFixtures.in(TripStatus.COMPLETED));
        clock.set(TripFixtures.T0.plusSeconds(3));
        assertThat(timeouts.flagLateCaptures()).isEmpty();

        clock.set(TripFixtures.T0.plusSeconds(60));
        assertThat(timeouts.flagLateCaptures()).containsExactly(completed.id());
        assertThat(timeouts.flagLateCaptures()).isEmpty();
        assertThat(sweep()).isEmpty();

        assertThat(flagged).containsExactly(completed.id());
        assertThat(trips.find(completed.id()).orElseThrow().status()).isEqualTo(TripStatus.COMPLETED);
    }

    @Test
    void theOverdueGaugeCountsWhatTheSweepLeftPastADeadline() {
        trips.given(TripFixtures.in(TripStatus.REQUESTED));
        var completed = trips.given(TripFixtures.in(TripStatus.COMPLETED));
        clock.set(TripFixtures.T0.plusSeconds(2));
        timeouts.refreshGauges();
        assertThat(overdueGauge).as("a request past its payment deadline, not swept yet").hasValue(1);

        sweep();
        timeouts.refreshGauges();
        assertThat(overdueGauge).as("swept: cancelled, so no longer stuck").hasValue(0);

        clock.set(TripFixtures.T0.plusSeconds(4));
        timeouts.refreshGauges();
        assertThat(overdueGauge).as("a completed trip whose capture is late stays until it is paid").hasValue(1);

        trips.given(TripFixtures.moved(completed.paymentCaptured(dev.hailway.common.api.Money.of(9_600, "KRW"), clock.instant())));
        timeouts.refreshGauges();
        assertThat(overdueGauge).hasValue(0);
    }

    /** Times out what is due, as the scheduled sweep does; returns the trips it ended. */
    private List<TripId> sweep() {
        List<TripId> ended = new ArrayList<>();
        for (TripId trip : timeouts.overdue()) {
            if (timeouts.timeOut(trip).orElseThrow() instanceof Decision.Move) {
                ended.add(trip);
            }
        }
        return ended;
    }
}
