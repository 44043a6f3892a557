package dev.hailway.drivers.api;

import java.time.Instant;
import java.util.UUID;

/** A driver registered or replaced their vehicle. The driver id is the driver's account id. */
public record VehicleRegistered(UUID driverId, String plate, String model, VehicleClass vehicleClass, Instant registeredAt) {
}
