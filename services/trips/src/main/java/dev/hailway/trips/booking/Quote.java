package dev.hailway.trips.booking;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.trips.trip.QuoteId;
import dev.hailway.trips.trip.RiderId;
import java.time.Instant;
import java.util.Objects;

/** A quote whose signature checked out: what pricing promised, to whom, until when. */
public record Quote(QuoteId id, RiderId rider, GeoPoint pickup, GeoPoint dropoff, VehicleClass vehicleClass,
                    Money fare, Instant expiresAt) {

    public Quote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rider, "rider");
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(dropoff, "dropoff");
        Objects.requireNonNull(vehicleClass, "vehicleClass");
        Objects.requireNonNull(fare, "fare");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (fare.isNegative()) {
            throw new IllegalArgumentException("fare must not be negative");
        }
    }
}
