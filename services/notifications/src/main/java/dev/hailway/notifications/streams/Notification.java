package dev.hailway.notifications.streams;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One message for one account's live streams.
 *
 * @param recipient the account (rider or driver) whose streams get it
 * @param id        the id of the event it came from, sent as the SSE {@code id}
 * @param name      the SSE event name: the event's type, e.g. {@code TripDriverAssigned}
 * @param data      the SSE data, written as JSON; only members that have a value
 */
public record Notification(UUID recipient, UUID id, String name, Map<String, Object> data) {

    public Notification {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        data = Map.copyOf(data);
    }
}
