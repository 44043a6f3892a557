package dev.hailway.pricing.quotes;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.drivers.api.VehicleClass;
import java.util.Objects;
import java.util.UUID;

/** A rider asks what a ride from pickup to dropoff in a vehicle class would cost. */
public record QuoteRequest(UUID riderId, GeoPoint pickup, GeoPoint dropoff, VehicleClass vehicleClass) {

    public QuoteRequest {
        Objects.requireNonNull(riderId, "riderId");
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(dropoff, "dropoff");
        Objects.requireNonNull(vehicleClass, "vehicleClass");
    }
}
