package dev.hailway.history.trips;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripCompleted;
import dev.hailway.trips.api.TripDispatchRequested;
import dev.hailway.trips.api.TripDriverArrived;
import dev.hailway.trips.api.TripDriverAssigned;
import dev.hailway.trips.api.TripPaid;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripStarted;
import dev.hailway.trips.api.TripStatus;

/**
 * How a trip event changes the trip's row. A trip's events come in order (one partition per trip), but the row
 * never moves backwards anyway: a status only advances, and a terminal one stays.
 */
public final class RiderTripProjection {

    private RiderTripProjection() {
    }

    /** The trip's row after {@code event}; empty when the event is not a trip event. */
    public static Optional<RiderTrip> apply(Optional<RiderTrip> current, Object event) {
        return Optional.ofNullable(switch (event) {
            case TripRequested e -> advance(current, e.tripId(), e.riderId(), TripStatus.REQUESTED)
                    .withRequest(e.pickup(), e.dropoff(), e.fare(), e.requestedAt());
            case TripDispatchRequested e -> advance(current, e.tripId(), e.riderId(), TripStatus.PAYMENT_AUTHORIZED);
            case TripDriverAssigned e -> {
                RiderTrip trip = advance(current, e.tripId(), e.riderId(), TripStatus.DRIVER_ASSIGNED).withDriver(e.driverId());
                yield trip.assignedAt() == null ? trip.withAssignedAt(e.at()) : trip;
            }
            case TripDriverArrived e -> advance(current, e.tripId(), e.riderId(), TripStatus.DRIVER_ARRIVED).withDriver(e.driverId());
            case TripStarted e -> advance(current, e.tripId(), e.riderId(), TripStatus.IN_PROGRESS).withDriver(e.driverId());
            case TripCompleted e -> advance(current, e.tripId(), e.riderId(), TripStatus.COMPLETED).withDriver(e.driverId());
            case TripPaid e -> finish(advance(current, e.tripId(), e.riderId(), TripStatus.PAID)
                    .withDriver(e.driverId()).withFare(e.fare()), null, e.at());
            case TripCancelled e -> finish(advance(current, e.tripId(), e.riderId(), TripStatus.CANCELLED)
                    .withDriver(e.driverId()), e.reason(), e.at());
            default -> null;
        });
    }

    private static RiderTrip advance(Optional<RiderTrip> current, UUID tripId, UUID riderId, TripStatus next) {
        RiderTrip trip = current.orElseGet(() -> RiderTrip.first(tripId, riderId, next));
        TripStatus now = trip.status();
        if (now.isTerminal() || rank(next) < rank(now)) {
            return trip;
        }
        return trip.withStatus(next);
    }

    private static RiderTrip finish(RiderTrip trip, CancellationReason reason, Instant at) {
        if (trip.finishedAt() != null) {
            return trip;
        }
        return trip.finished(reason, at);
    }

    /** The order statuses follow; a cancellation can end any of the non-terminal ones. */
    private static int rank(TripStatus status) {
        return switch (status) {
            case REQUESTED -> 0;
            case PAYMENT_AUTHORIZED -> 1;
            case DRIVER_ASSIGNED -> 2;
            case DRIVER_ARRIVED -> 3;
            case IN_PROGRESS -> 4;
            case COMPLETED -> 5;
            case PAID, CANCELLED -> 6;
        };
    }
}
