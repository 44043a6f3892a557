package dev.hailway.trips.timeouts;

import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.trip.ChangingTrips;
import dev.hailway.trips.trip.Deadlines;
import dev.hailway.trips.trip.Decision;
import dev.hailway.trips.trip.TripId;
import dev.hailway.trips.trip.TripMetrics;
import dev.hailway.trips.trip.Trips;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves stuck trips on, so that every trip reaches a terminal state. Driven by the database (status and time of
 * the last change), so a restart forgets nothing: the next sweep finds what the last one did not finish.
 */
public final class TripTimeouts {

    private static final Logger log = LoggerFactory.getLogger(TripTimeouts.class);
    static final int BATCH = 100;

    private final Trips trips;
    private final ChangingTrips changing;
    private final TripMetrics metrics;
    private final Deadlines deadlines;

    public TripTimeouts(Trips trips, ChangingTrips changing, TripMetrics metrics, Deadlines deadlines) {
        this.trips = trips;
        this.changing = changing;
        this.metrics = metrics;
        this.deadlines = deadlines;
    }

    /** Trips past a deadline that ends them; each is then handed to {@link #timeOut} in a transaction of its own. */
    public List<TripId> overdue() {
        var now = changing.now();
        List<TripId> due = new ArrayList<>();
        due.addAll(trips.waitingSince(TripStatus.REQUESTED, now.minus(deadlines.payment()), BATCH));
        due.addAll(trips.waitingSince(TripStatus.PAYMENT_AUTHORIZED, now.minus(deadlines.dispatch()), BATCH));
        due.addAll(trips.waitingSince(TripStatus.DRIVER_ASSIGNED, now.minus(deadlines.pickup()), BATCH));
        due.addAll(trips.waitingSince(TripStatus.DRIVER_ARRIVED, now.minus(deadlines.pickup()), BATCH));
        return due;
    }

    /** Ends the trip if it is still overdue under its lock (it may have moved on since {@link #overdue}). */
    public Optional<Decision> timeOut(TripId trip) {
        Optional<Decision> decision = changing.change(trip, (current, now) -> current.timeOut(deadlines, now));
        decision.ifPresent(d -> {
            if (d instanceof Decision.Move move) {
                log.info("Trip {} timed out in {}: {}", trip, move.before().status(), move.cause());
            }
        });
        return decision;
    }

    /** Completed trips whose capture is late are flagged for operators, once each; never cancelled. */
    public List<TripId> flagLateCaptures() {
        var now = changing.now();
        List<TripId> flagged = trips.flagCaptureOverdue(now.minus(deadlines.capture()), now);
        flagged.forEach(metrics::captureOverdue);
        return flagged;
    }

    /**
     * Runs after a sweep, so whatever is still past a deadline is a trip the sweep could not end, or a completed trip
     * whose capture never came: either is a saga that needs an operator.
     */
    public void refreshGauges() {
        metrics.active(trips.countActiveByStatus());
        var now = changing.now();
        metrics.overdue(overdue().size()
                + trips.waitingSince(TripStatus.COMPLETED, now.minus(deadlines.capture()), BATCH).size());
    }
}
