package dev.hailway.trips.api;

import java.time.Instant;
import java.util.UUID;

/** The trip has its driver. */
public record TripDriverAssigned(UUID tripId, UUID riderId, UUID driverId, Instant at) {
}
