package dev.hailway.trips.trip.internal;

import dev.hailway.platform.events.Events;
import dev.hailway.trips.api.TripTopics;
import dev.hailway.trips.trip.TripEvents;
import dev.hailway.trips.trip.TripId;

/** Through the outbox: stored with the trip's change in its transaction, sent to Kafka after the commit. */
final class OutboxTripEvents implements TripEvents {

    private final Events events;

    OutboxTripEvents(Events events) {
        this.events = events;
    }

    @Override
    public void publish(TripId trip, Object event) {
        events.publish(TripTopics.TRIPS, trip.toString(), event);
    }
}
