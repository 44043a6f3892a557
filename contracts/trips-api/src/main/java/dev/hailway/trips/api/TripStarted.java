package dev.hailway.trips.api;

import java.time.Instant;
import java.util.UUID;

/** The rider is on board. */
public record TripStarted(UUID tripId, UUID riderId, UUID driverId, Instant at) {
}
