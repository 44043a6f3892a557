package dev.hailway.trips.api;

import java.time.Instant;
import java.util.UUID;

/** The driver is at the pickup point. */
public record TripDriverArrived(UUID tripId, UUID riderId, UUID driverId, Instant at) {
}
