package dev.hailway.location.index;

import java.time.Instant;
import java.util.Objects;

import dev.hailway.common.api.GeoPoint;

/** Where a driver was at a moment. A later position supersedes an earlier one, never the other way round. */
public record Position(GeoPoint point, Instant at) {

    public Position {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(at, "at");
    }

    public boolean isNewerThan(Position other) {
        return other == null || at.isAfter(other.at);
    }
}
