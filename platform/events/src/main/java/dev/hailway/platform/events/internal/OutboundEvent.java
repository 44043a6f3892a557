package dev.hailway.platform.events.internal;

import java.util.Objects;

import dev.hailway.platform.events.EventEnvelope;

/**
 * The application event that the outbox stores and externalizes: an envelope and where it goes. Stored as
 * JSON in {@code event_publication} and read back for a resubmission, so it must stay a plain record.
 */
public record OutboundEvent(String topic, EventEnvelope envelope) {

    public OutboundEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(envelope, "envelope");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
    }
}
