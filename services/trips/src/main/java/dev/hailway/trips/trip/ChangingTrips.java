package dev.hailway.trips.trip;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The one way a trip changes: lock it, let it decide, and on a move store the new state, its history entry and
 * its event together. Call it inside a transaction; the HTTP moves, the saga and the timeouts all come here, so
 * they cannot interleave on one trip.
 */
public final class ChangingTrips {

    private final Trips trips;
    private final TripEvents events;
    private final TripMetrics metrics;
    private final Clock clock;

    public ChangingTrips(Trips trips, TripEvents events, TripMetrics metrics, Clock clock) {
        this.trips = trips;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @return the decision, or empty when there is no such trip */
    public Optional<Decision> change(TripId id, BiFunction<Trip, Instant, Decision> decide) {
        return trips.lock(id).map(trip -> {
            Decision decision = decide.apply(trip, now());
            if (decision instanceof Decision.Move move) {
                trips.save(move);
                events.publish(id, move.event());
                metrics.moved(move);
            }
            return decision;
        });
    }

    /**
     * Stores a new trip with its {@code TripRequested}.
     *
     * @return false, storing and publishing nothing, when the quote has already bought a trip
     */
    public boolean open(Decision.Move requested) {
        if (!trips.add(requested)) {
            return false;
        }
        events.publish(requested.after().id(), requested.event());
        metrics.moved(requested);
        return true;
    }

    /** PostgreSQL keeps microseconds: truncating here makes events, rows and tests agree. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
