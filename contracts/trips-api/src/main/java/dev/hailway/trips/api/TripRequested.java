package dev.hailway.trips.api;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;

/** A rider asked for a trip with a valid quote: payments is to hold {@code fare} on {@code paymentMethodId}. */
public record TripRequested(UUID tripId, UUID riderId, UUID quoteId, GeoPoint pickup, GeoPoint dropoff,
                            VehicleClass vehicleClass, Money fare, UUID paymentMethodId, Instant requestedAt) {
}
