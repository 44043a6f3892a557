package dev.hailway.trips.api;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;

/** The fare is held: dispatch is to find a driver for the trip. */
public record TripDispatchRequested(UUID tripId, UUID riderId, GeoPoint pickup, GeoPoint dropoff, VehicleClass vehicleClass,
                                    Money fare, Instant at) {
}
