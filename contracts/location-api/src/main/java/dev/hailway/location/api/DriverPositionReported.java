package dev.hailway.location.api;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;

/** The latest accepted position of a driver. {@code heading} (degrees) and {@code speedKmh} may be null. */
public record DriverPositionReported(UUID driverId, GeoPoint position, Double heading, Double speedKmh, Instant at) {
}
