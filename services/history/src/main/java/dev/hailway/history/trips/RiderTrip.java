package dev.hailway.history.trips;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripStatus;

/**
 * A trip as its rider's history shows it. Fields other than the ids and the status stay null until an event
 * brings them ({@code pickup} with {@code TripRequested}, {@code driverId} with the assignment, ...).
 */
public record RiderTrip(UUID tripId, UUID riderId, UUID driverId, TripStatus status, CancellationReason reason,
                        GeoPoint pickup, GeoPoint dropoff, Money fare, Instant requestedAt, Instant assignedAt,
                        Instant finishedAt) {

    public RiderTrip {
        Objects.requireNonNull(tripId, "tripId");
        Objects.requireNonNull(riderId, "riderId");
        Objects.requireNonNull(status, "status");
    }

    static RiderTrip first(UUID tripId, UUID riderId, TripStatus status) {
        return new RiderTrip(tripId, riderId, null, status, null, null, null, null, null, null, null);
    }

    RiderTrip withStatus(TripStatus next) {
        return new RiderTrip(tripId, riderId, driverId, next, reason, pickup, dropoff, fare, requestedAt, assignedAt, finishedAt);
    }

    RiderTrip withDriver(UUID driver) {
        return driver == null ? this
                : new RiderTrip(tripId, riderId, driver, status, reason, pickup, dropoff, fare, requestedAt, assignedAt, finishedAt);
    }

    RiderTrip withRequest(GeoPoint from, GeoPoint to, Money price, Instant at) {
        return new RiderTrip(tripId, riderId, driverId, status, reason, from, to, price, at, assignedAt, finishedAt);
    }

    RiderTrip withFare(Money price) {
        return new RiderTrip(tripId, riderId, driverId, status, reason, pickup, dropoff, price, requestedAt, assignedAt, finishedAt);
    }

    RiderTrip withAssignedAt(Instant at) {
        return new RiderTrip(tripId, riderId, driverId, status, reason, pickup, dropoff, fare, requestedAt, at, finishedAt);
    }

    RiderTrip finished(CancellationReason why, Instant at) {
        return new RiderTrip(tripId, riderId, driverId, status, why, pickup, dropoff, fare, requestedAt, assignedAt, at);
    }
}
