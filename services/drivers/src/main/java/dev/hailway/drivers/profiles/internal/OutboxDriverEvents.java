package dev.hailway.drivers.profiles.internal;

import dev.hailway.drivers.api.DriverTopics;
import dev.hailway.drivers.profiles.DriverEvents;
import dev.hailway.drivers.profiles.DriverId;
import dev.hailway.platform.events.Events;

/** Through the outbox: stored with the profile change in its transaction, sent to Kafka after the commit. */
final class OutboxDriverEvents implements DriverEvents {

    private final Events events;

    OutboxDriverEvents(Events events) {
        this.events = events;
    }

    @Override
    public void publish(DriverId driver, Object event) {
        events.publish(DriverTopics.DRIVERS, driver.toString(), event);
    }
}
