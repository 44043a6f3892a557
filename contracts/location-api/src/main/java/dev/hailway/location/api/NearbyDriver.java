package dev.hailway.location.api;

import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.drivers.api.VehicleClass;

/** One answer of {@link NearbyDrivers#PATH}: an available driver, nearest first. */
public record NearbyDriver(UUID driverId, GeoPoint position, VehicleClass vehicleClass, long distanceMeters) {
}
