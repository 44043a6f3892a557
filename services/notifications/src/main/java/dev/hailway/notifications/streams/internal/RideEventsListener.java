package dev.hailway.notifications.streams.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hailway.dispatch.api.DispatchTopics;
import dev.hailway.dispatch.api.OfferMade;
import dev.hailway.notifications.streams.LiveStreams;
import dev.hailway.notifications.streams.Notification;
import dev.hailway.notifications.streams.NotificationRouting;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripCompleted;
import dev.hailway.trips.api.TripDispatchRequested;
import dev.hailway.trips.api.TripDriverArrived;
import dev.hailway.trips.api.TripDriverAssigned;
import dev.hailway.trips.api.TripPaid;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripStarted;
import dev.hailway.trips.api.TripTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads trip and offer events and pushes them to the streams open on this instance.
 *
 * <p>The consumer group is unique per instance (a random suffix) and starts at the latest offset: every instance
 * must see every event, because any of them may hold the recipient's connection, and a stream only carries what
 * happens while it is open. There is no Inbox here: nothing is stored, so a redelivered event at worst reaches an
 * open stream twice, with the same SSE id, which a client can drop. A record that cannot be read is logged and
 * skipped: retrying it or dead-lettering it from a per-instance group would not help anyone (the services that
 * store state dead-letter it already).
 */
@Component
class RideEventsListener {

    private static final Logger log = LoggerFactory.getLogger(RideEventsListener.class);
    private static final Map<String, Class<?>> EVENTS = Map.of(
            "TripRequested", TripRequested.class,
            "TripDispatchRequested", TripDispatchRequested.class,
            "TripDriverAssigned", TripDriverAssigned.class,
            "TripDriverArrived", TripDriverArrived.class,
            "TripStarted", TripStarted.class,
            "TripCompleted", TripCompleted.class,
            "TripPaid", TripPaid.class,
            "TripCancelled", TripCancelled.class,
            "OfferMade", OfferMade.class);

    private final LiveStreams streams;
    private final ObjectMapper mapper;

    RideEventsListener(LiveStreams streams, ObjectMapper mapper) {
        this.streams = streams;
        this.mapper = mapper;
    }

    @KafkaListener(id = "notifications-ride-events", topics = {TripTopics.TRIPS, DispatchTopics.OFFERS},
            groupId = "notifications-#{T(java.util.UUID).randomUUID().toString()}",
            properties = "auto.offset.reset=latest")
    void on(String value) {
        List<Notification> notifications = notificationsOf(value);
        if (!notifications.isEmpty()) {
            streams.deliver(notifications);
        }
    }

    List<Notification> notificationsOf(String value) {
        try {
            JsonNode envelope = mapper.readTree(value);
            Class<?> type = EVENTS.get(envelope.path("type").asString(""));
            if (type == null) {
                return List.of();
            }
            UUID id = UUID.fromString(envelope.path("id").asString());
            Object event = mapper.treeToValue(envelope.get("payload"), type);
            return NotificationRouting.route(id, event);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.warn("Skipping an event that cannot be read: {}", e.getMessage());
            return List.of();
        }
    }
}
