package dev.hailway.history.events;

import java.util.UUID;

import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripCompleted;
import dev.hailway.trips.api.TripDispatchRequested;
import dev.hailway.trips.api.TripDriverArrived;
import dev.hailway.trips.api.TripDriverAssigned;
import dev.hailway.trips.api.TripPaid;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripStarted;

/** The trip a trips-topic event is about; null for any other event. */
final class TripIds {

    private TripIds() {
    }

    static UUID of(Object event) {
        return switch (event) {
            case TripRequested e -> e.tripId();
            case TripDispatchRequested e -> e.tripId();
            case TripDriverAssigned e -> e.tripId();
            case TripDriverArrived e -> e.tripId();
            case TripStarted e -> e.tripId();
            case TripCompleted e -> e.tripId();
            case TripPaid e -> e.tripId();
            case TripCancelled e -> e.tripId();
            default -> null;
        };
    }
}
