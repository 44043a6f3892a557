package dev.hailway.trips.api;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.Money;

/** The ride is over: payments is to capture {@code fare} and pay the driver. */
public record TripCompleted(UUID tripId, UUID riderId, UUID driverId, Money fare, Instant at) {
}
