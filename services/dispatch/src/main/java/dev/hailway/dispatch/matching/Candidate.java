package dev.hailway.dispatch.matching;

import java.util.Objects;

/** A driver location says is available near the pickup, {@code distanceMeters} away from it. */
public record Candidate(DriverId driverId, long distanceMeters) {

    public Candidate {
        Objects.requireNonNull(driverId, "driverId");
        if (distanceMeters < 0) {
            throw new IllegalArgumentException("distanceMeters must not be negative, was " + distanceMeters);
        }
    }
}
