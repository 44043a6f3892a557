package dev.hailway.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What goes on the wire for every event: the record value on Kafka, as JSON.
 *
 * <p>{@code type} and {@code version} come from the event record by the {@link EventType} convention. The
 * {@code id} is time-ordered (UUID version 7) and is what an {@link Inbox} deduplicates on, so a republished
 * envelope keeps it. {@code traceparent} is the W3C trace context at the moment of publishing; the Kafka
 * headers carry the send's own trace, this field survives a resubmission hours later.
 */
public record EventEnvelope(
        UUID id,
        String type,
        int version,
        Instant occurredAt,
        String aggregateId,
        @Nullable String traceparent,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        if (!payload.isObject()) {
            throw new IllegalArgumentException("payload must be a JSON object, was " + payload.getNodeType());
        }
    }

    /** Wraps an event record, taking its type and version by the {@link EventType} convention. */
    public static EventEnvelope wrap(String aggregateId, Object event, Instant occurredAt,
                                     @Nullable String traceparent, ObjectMapper mapper) {
        Objects.requireNonNull(event, "event");
        EventType eventType = EventType.of(event.getClass());
        JsonNode payload = mapper.valueToTree(event);
        return new EventEnvelope(TimeOrderedIds.next(), eventType.name(), eventType.version(), occurredAt,
                aggregateId, traceparent, payload);
    }

    /** Whether this envelope carries the given event record, in any version. */
    public boolean carries(Class<?> eventClass) {
        return type.equals(EventType.of(eventClass).name());
    }

    /** The payload read as the given event record. */
    public <T> T payloadAs(Class<T> eventClass, ObjectMapper mapper) {
        return mapper.treeToValue(payload, eventClass);
    }
}
