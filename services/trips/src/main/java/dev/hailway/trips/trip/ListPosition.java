package dev.hailway.trips.trip;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a page of the newest-first trip list ended: the last trip's {@code updatedAt} and id. The next page starts
 * strictly after it, so a trip that changes while someone pages (and moves to the top) is neither repeated nor lets
 * the walk start over.
 */
public record ListPosition(Instant updatedAt, TripId id) {

    public ListPosition {
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(id, "id");
    }

    public static ListPosition of(Trip trip) {
        return new ListPosition(trip.updatedAt(), trip.id());
    }

    /** Whether {@code trip} comes after this position, newest first. */
    public boolean isBefore(Trip trip) {
        int byTime = trip.updatedAt().compareTo(updatedAt);
        return byTime < 0 || (byTime == 0 && trip.id().value().compareTo(id.value()) < 0);
    }
}
