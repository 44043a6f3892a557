package dev.hailway.pricing.fares;

/** How far and how long a ride is expected to be, before anyone drives it. */
public record RouteEstimate(long distanceMeters, long durationSeconds) {

    public RouteEstimate {
        if (distanceMeters < 0 || durationSeconds < 0) {
            throw new IllegalArgumentException("distance and duration cannot be negative");
        }
    }
}
