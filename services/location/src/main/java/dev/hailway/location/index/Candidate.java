package dev.hailway.location.index;

import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.drivers.api.VehicleClass;

/** An available driver near the point asked about. */
public record Candidate(UUID driverId, GeoPoint position, VehicleClass vehicleClass, double distanceMeters) {
}
