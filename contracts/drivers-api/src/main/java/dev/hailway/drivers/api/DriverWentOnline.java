package dev.hailway.drivers.api;

import java.time.Instant;
import java.util.UUID;

/** A driver started a shift and can be offered trips of {@code vehicleClass}. */
public record DriverWentOnline(UUID driverId, VehicleClass vehicleClass, Instant at) {
}
