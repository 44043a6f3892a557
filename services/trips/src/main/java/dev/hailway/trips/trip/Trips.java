package dev.hailway.trips.trip;

import dev.hailway.trips.api.TripStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Where trips and their history are kept. Every write records the transition in the history. */
public interface Trips {

    /**
     * Stores a new trip.
     *
     * @return false, storing nothing, when its quote has already bought a trip
     */
    boolean add(Decision.Move requested);

    Optional<Trip> find(TripId id);

    /** The trip, locked until the end of the current transaction, so concurrent changes apply one after the other. */
    Optional<Trip> lock(TripId id);

    void save(Decision.Move move);

    /** Trips in {@code status} since before {@code cutoff}, oldest first. */
    List<TripId> waitingSince(TripStatus status, Instant cutoff, int limit);

    /** Marks completed trips not captured since before {@code cutoff}, each once; returns those marked now. */
    List<TripId> flagCaptureOverdue(Instant cutoff, Instant now);

    /**
     * The most recently changed trips, newest first (by {@code updatedAt}, then id), in {@code status} when it is
     * given; with {@code after}, only those after that position (the next page).
     */
    List<Trip> recentlyChanged(@Nullable TripStatus status, @Nullable ListPosition after, int limit);

    /** How many trips are in each status that is not terminal. */
    Map<TripStatus, Long> countActiveByStatus();
}
