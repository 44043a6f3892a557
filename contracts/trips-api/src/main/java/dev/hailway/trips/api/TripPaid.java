package dev.hailway.trips.api;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.Money;

/** Terminal: the fare was captured; the driver earned {@code driverEarnings}. */
public record TripPaid(UUID tripId, UUID riderId, UUID driverId, Money fare, Money driverEarnings, Instant at) {
}
