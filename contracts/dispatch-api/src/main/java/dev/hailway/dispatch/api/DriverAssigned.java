package dev.hailway.dispatch.api;

import java.time.Instant;
import java.util.UUID;

/** A driver accepted; from now on they are busy until the trip ends. */
public record DriverAssigned(UUID tripId, UUID driverId, UUID offerId, Instant at) {
}
