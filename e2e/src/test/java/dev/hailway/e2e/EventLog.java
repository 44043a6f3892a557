package dev.hailway.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;

import dev.hailway.runtime.LocalPlatform;

/** Reads the platform's topics as an auditor would: from the beginning, without joining any service's group. */
final class EventLog {

    private EventLog() {
    }

    /**
     * How many envelopes of {@code type} for {@code aggregateId} the topic holds, once at least one has arrived and
     * the count has stayed the same for two seconds.
     */
    static int count(LocalPlatform platform, String topic, UUID aggregateId, String type) {
        List<JsonNode> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(platform)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                poll(consumer, aggregateId, type, seen);
                return !seen.isEmpty();
            });
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> {
                int before = seen.size();
                poll(consumer, aggregateId, type, seen);
                return seen.size() == before;
            });
        }
        return seen.size();
    }

    private static void poll(KafkaConsumer<String, String> consumer, UUID aggregateId, String type, List<JsonNode> seen) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
            JsonNode envelope = Api.JSON.readTree(record.value());
            if (envelope.get("aggregateId").asString().equals(aggregateId.toString()) && envelope.get("type").asString().equals(type)) {
                seen.add(envelope);
            }
        }
    }

    static KafkaConsumer<String, String> consumer(LocalPlatform platform) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-audit-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }
}
