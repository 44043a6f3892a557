package dev.hailway.dispatch.matching.internal;

import java.util.UUID;

import dev.hailway.dispatch.api.DispatchTopics;
import dev.hailway.dispatch.api.DriverAssigned;
import dev.hailway.dispatch.api.NoDriverFound;
import dev.hailway.dispatch.api.OfferDeclined;
import dev.hailway.dispatch.api.OfferExpired;
import dev.hailway.dispatch.api.OfferMade;
import dev.hailway.dispatch.matching.DispatchEvents;
import dev.hailway.platform.events.Events;

/** Through the outbox, keyed by trip id so that a trip's offers stay in order. */
final class OutboxDispatchEvents implements DispatchEvents {

    private final Events events;

    OutboxDispatchEvents(Events events) {
        this.events = events;
    }

    @Override
    public void offerMade(OfferMade event) {
        publish(event.tripId(), event);
    }

    @Override
    public void offerDeclined(OfferDeclined event) {
        publish(event.tripId(), event);
    }

    @Override
    public void offerExpired(OfferExpired event) {
        publish(event.tripId(), event);
    }

    @Override
    public void driverAssigned(DriverAssigned event) {
        publish(event.tripId(), event);
    }

    @Override
    public void noDriverFound(NoDriverFound event) {
        publish(event.tripId(), event);
    }

    private void publish(UUID tripId, Object event) {
        events.publish(DispatchTopics.OFFERS, tripId.toString(), event);
    }
}
