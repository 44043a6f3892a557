package dev.hailway.location.positions.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.hailway.location.api.DriverPositionReported;
import dev.hailway.location.api.LocationTopics;
import dev.hailway.location.index.DriverIndex;
import dev.hailway.location.index.Position;
import dev.hailway.platform.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import tools.jackson.databind.ObjectMapper;

/**
 * At start, reads {@code location.positions} from the beginning to its current end and puts every driver back
 * where they last were. Until it is done the {@code positionIndex} health is down, and with it readiness: a
 * location service with an empty index would answer "nobody nearby" to every dispatch.
 */
final class PositionIndexRebuild implements ApplicationRunner, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(PositionIndexRebuild.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, Object> consumerProperties;
    private final DriverIndex index;
    private final ObjectMapper mapper;
    private volatile boolean rebuilt;
    private volatile int restored;

    PositionIndexRebuild(Map<String, Object> consumerProperties, DriverIndex index, ObjectMapper mapper) {
        this.consumerProperties = consumerProperties;
        this.index = index;
        this.mapper = mapper;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        // No group: this reader owns every partition and commits nothing.
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (var consumer = new KafkaConsumer<String, byte[]>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(LocationTopics.POSITIONS, TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos() * 5;
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + LocationTopics.POSITIONS + " to its end");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    restore(record);
                }
            }
        }
        rebuilt = true;
        log.info("Position index rebuilt from {}: {} positions in {} ms", LocationTopics.POSITIONS, restored,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void restore(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            EventEnvelope envelope = mapper.readValue(record.value(), EventEnvelope.class);
            if (envelope.carries(DriverPositionReported.class)) {
                DriverPositionReported reported = envelope.payloadAs(DriverPositionReported.class, mapper);
                if (index.move(reported.driverId(), new Position(reported.position(), reported.at()))) {
                    restored++;
                }
            }
        } catch (RuntimeException e) {
            // One unreadable record must not keep the service from ever becoming ready.
            log.warn("Skipped unreadable record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.toString());
        }
    }

    @Override
    public Health health() {
        return rebuilt ? Health.up().withDetail("restored", restored).build()
                : Health.outOfService().withDetail("reason", "rebuilding the position index").build();
    }
}
