package dev.hailway.dispatch.matching;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import org.jspecify.annotations.Nullable;

/**
 * The matching of one trip: what is offered, and how far it got.
 *
 * @param vehicleClass null when the rider did not ask for one
 * @param refusals     offers that were declined or expired
 */
public record Dispatch(TripId tripId, UUID riderId, GeoPoint pickup, GeoPoint dropoff,
                       @Nullable VehicleClass vehicleClass, Money fare, DispatchStatus status, int offersMade,
                       int refusals, Instant startedAt, Instant deadline) {

    public Dispatch {
        Objects.requireNonNull(tripId, "tripId");
        Objects.requireNonNull(riderId, "riderId");
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(dropoff, "dropoff");
        Objects.requireNonNull(fare, "fare");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(deadline, "deadline");
    }
}
