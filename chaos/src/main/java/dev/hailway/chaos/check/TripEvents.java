package dev.hailway.chaos.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A topic read whole, from its first offset to the end it had when reading began, without joining any service's
 * consumer group.
 */
final class TripEvents {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration READ_LIMIT = Duration.ofMinutes(2);

    /** The trip's status after each event type of {@code trips.trips}. */
    static final Map<String, String> STATUS_AFTER = Map.of(
            "TripRequested", "REQUESTED",
            "TripDispatchRequested", "PAYMENT_AUTHORIZED",
            "TripDriverAssigned", "DRIVER_ASSIGNED",
            "TripDriverArrived", "DRIVER_ARRIVED",
            "TripStarted", "IN_PROGRESS",
            "TripCompleted", "COMPLETED",
            "TripPaid", "PAID",
            "TripCancelled", "CANCELLED");

    /** One envelope as read: its id, its type, the trip it belongs to, its payload, and its record's headers. */
    record Envelope(String id, String type, String aggregateId, JsonNode payload, Map<String, String> headers) {
    }

    private TripEvents() {
    }

    static List<Envelope> readAll(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Envelope> envelopes = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                return envelopes;
            }
            List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            Instant deadline = Instant.now().plus(READ_LIMIT);
            while (!caughtUp(consumer, end) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    envelopes.add(parse(record));
                }
            }
            if (!caughtUp(consumer, end)) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + READ_LIMIT.toSeconds() + " s");
            }
        }
        return envelopes;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }

    private static Envelope parse(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(header -> headers.put(header.key(), header.value() == null ? "" : new String(header.value(),
                java.nio.charset.StandardCharsets.UTF_8)));
        try {
            JsonNode envelope = JSON.readTree(record.value());
            return new Envelope(text(envelope, "id"), text(envelope, "type"), text(envelope, "aggregateId"), envelope.get("payload"),
                    headers);
        } catch (RuntimeException notJson) {
            return new Envelope(null, "(not an envelope)", record.key(), null, headers);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** The lifecycle in order; CANCELLED, the other end, last. */
    private static final List<String> LIFECYCLE = List.of("REQUESTED", "PAYMENT_AUTHORIZED", "DRIVER_ASSIGNED",
            "DRIVER_ARRIVED", "IN_PROGRESS", "COMPLETED", "PAID", "CANCELLED");

    /**
     * Each trip's status as a consumer rebuilds it from the topic: an envelope published again counts once, where it
     * first arrived (as the inboxes count it), and a trip never moves back in its lifecycle, since an event the
     * outbox could only send later (Kafka was down) may reach the topic after its successors ({@link #reordered}).
     */
    static Map<String, String> finalStatuses(List<Envelope> envelopes) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (Envelope envelope : firstCopies(envelopes)) {
            String status = STATUS_AFTER.get(envelope.type());
            if (status != null && envelope.aggregateId() != null) {
                statuses.merge(envelope.aggregateId(), status,
                        (was, now) -> LIFECYCLE.indexOf(now) > LIFECYCLE.indexOf(was) ? now : was);
            }
        }
        return statuses;
    }

    /** Trips whose events reached the topic out of lifecycle order (first copies only). */
    static List<String> reordered(List<Envelope> envelopes) {
        Map<String, Integer> furthest = new HashMap<>();
        java.util.Set<String> reordered = new java.util.LinkedHashSet<>();
        for (Envelope envelope : firstCopies(envelopes)) {
            String status = STATUS_AFTER.get(envelope.type());
            if (status == null || envelope.aggregateId() == null) {
                continue;
            }
            int rank = LIFECYCLE.indexOf(status);
            Integer before = furthest.put(envelope.aggregateId(), Math.max(rank, furthest.getOrDefault(envelope.aggregateId(), -1)));
            if (before != null && rank < before) {
                reordered.add(envelope.aggregateId());
            }
        }
        return List.copyOf(reordered);
    }

    /** A driver's hold on a trip: from its assignment until the ride completed or the trip was cancelled. */
    record Assignment(UUID driverId, String tripId, Instant from, Instant until) {
    }

    static List<Envelope> firstCopies(List<Envelope> envelopes) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return envelopes.stream().filter(envelope -> envelope.id() == null || seen.add(envelope.id())).toList();
    }

    static List<Assignment> assignments(List<Envelope> envelopes) {
        Map<String, UUID> drivers = new LinkedHashMap<>();
        Map<String, Instant> from = new HashMap<>();
        Map<String, Instant> until = new HashMap<>();
        for (Envelope envelope : envelopes) {
            String trip = envelope.aggregateId();
            JsonNode payload = envelope.payload();
            if (trip == null || payload == null) {
                continue;
            }
            switch (envelope.type()) {
                case "TripDriverAssigned" -> {
                    if (!drivers.containsKey(trip)) {
                        drivers.put(trip, UUID.fromString(payload.get("driverId").asString()));
                        from.put(trip, Instant.parse(payload.get("at").asString()));
                    }
                }
                case "TripCompleted", "TripCancelled" -> until.putIfAbsent(trip, Instant.parse(payload.get("at").asString()));
                default -> {
                }
            }
        }
        List<Assignment> assignments = new ArrayList<>();
        drivers.forEach((trip, driver) -> assignments.add(new Assignment(driver, trip, from.get(trip), until.get(trip))));
        return assignments;
    }

    /** Pairs of trips one driver held at the same time. */
    static List<List<Assignment>> overlaps(List<Assignment> assignments) {
        Map<UUID, List<Assignment>> byDriver = new HashMap<>();
        assignments.forEach(a -> byDriver.computeIfAbsent(a.driverId(), d -> new ArrayList<>()).add(a));
        List<List<Assignment>> overlaps = new ArrayList<>();
        for (List<Assignment> held : byDriver.values()) {
            held.sort(java.util.Comparator.comparing(Assignment::from));
            for (int i = 1; i < held.size(); i++) {
                Assignment before = held.get(i - 1);
                Assignment next = held.get(i);
                if (before.until() == null || next.from().isBefore(before.until())) {
                    overlaps.add(List.of(before, next));
                }
            }
        }
        return overlaps;
    }
}
