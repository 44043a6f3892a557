package dev.hailway.trips.api;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;

/** {@code GET /api/trips/{id}}. {@code driverId} and {@code reason} may be null. */
public record TripView(UUID tripId, UUID riderId, UUID driverId, TripStatus status, CancellationReason reason,
                       GeoPoint pickup, GeoPoint dropoff, VehicleClass vehicleClass, Money fare,
                       Instant requestedAt, Instant updatedAt) {
}
