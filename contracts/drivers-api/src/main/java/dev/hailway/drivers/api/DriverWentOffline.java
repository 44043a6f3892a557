package dev.hailway.drivers.api;

import java.time.Instant;
import java.util.UUID;

/** A driver ended a shift: no more offers until they go online again. */
public record DriverWentOffline(UUID driverId, Instant at) {
}
