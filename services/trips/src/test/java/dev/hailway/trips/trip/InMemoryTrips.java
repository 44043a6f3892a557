package dev.hailway.trips.trip;

import dev.hailway.trips.api.TripStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Trips} in a map, with the history as a list, for unit tests. */
public final class InMemoryTrips implements Trips {

    public record Entry(TripId trip, TripStatus from, TripStatus to, String cause) {
    }

    private final Map<TripId, Trip> trips = new LinkedHashMap<>();
    private final Set<TripId> flagged = ConcurrentHashMap.newKeySet();
    public final List<Entry> history = new ArrayList<>();

    /** Puts a trip in place as if it had got there, without history or events. */
    public Trip given(Trip trip) {
        trips.put(trip.id(), trip);
        return trip;
    }

    @Override
    public boolean add(Decision.Move requested) {
        Trip trip = requested.after();
        if (trips.values().stream().anyMatch(existing -> existing.quoteId().equals(trip.quoteId()))) {
            return false;
        }
        trips.put(trip.id(), trip);
        history.add(new Entry(trip.id(), null, trip.status(), requested.cause()));
        return true;
    }

    @Override
    public Optional<Trip> find(TripId id) {
        return Optional.ofNullable(trips.get(id));
    }

    @Override
    public Optional<Trip> lock(TripId id) {
        return find(id);
    }

    @Override
    public void save(Decision.Move move) {
        trips.put(move.after().id(), move.after());
        history.add(new Entry(move.after().id(), move.before().status(), move.after().status(), move.cause()));
    }

    @Override
    public List<TripId> waitingSince(TripStatus status, Instant cutoff, int limit) {
        return trips.values().stream().filter(t -> t.status() == status && !t.updatedAt().isAfter(cutoff))
                .sorted(Comparator.comparing(Trip::updatedAt)).limit(limit).map(Trip::id).toList();
    }

    @Override
    public List<TripId> flagCaptureOverdue(Instant cutoff, Instant now) {
        return trips.values().stream()
                .filter(t -> t.status() == TripStatus.COMPLETED && !t.updatedAt().isAfter(cutoff))
                .map(Trip::id).filter(flagged::add).toList();
    }

    @Override
    public List<Trip> recentlyChanged(TripStatus status, ListPosition after, int limit) {
        Comparator<Trip> newestFirst = Comparator.comparing(Trip::updatedAt)
                .thenComparing(trip -> trip.id().value()).reversed();
        return trips.values().stream().filter(t -> status == null || t.status() == status)
                .filter(t -> after == null || after.isBefore(t))
                .sorted(newestFirst).limit(limit).toList();
    }

    @Override
    public Map<TripStatus, Long> countActiveByStatus() {
        Map<TripStatus, Long> counts = new EnumMap<>(TripStatus.class);
        trips.values().stream().filter(t -> !t.status().isTerminal())
                .forEach(t -> counts.merge(t.status(), 1L, Long::sum));
        return counts;
    }
}
