package dev.hailway.location.positions.internal;

import java.time.Clock;

import dev.hailway.location.api.DriverPositionReported;
import dev.hailway.location.api.LocationTopics;
import dev.hailway.location.positions.PositionPublisher;
import dev.hailway.platform.events.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Straight to Kafka, not through the outbox. Positions are hot-path data (a ping every ~4 s per driver) and each
 * one supersedes the last: storing every ping in PostgreSQL first would cost a write per ping for nothing, and a
 * ping lost in a crash is replaced by the next one seconds later. The topic is compacted, so it holds the latest
 * position per driver, and it is the index's source of truth after a restart.
 */
final class KafkaPositionPublisher implements PositionPublisher {

    private static final Logger log = LoggerFactory.getLogger(KafkaPositionPublisher.class);

    private final KafkaTemplate<Object, Object> kafka;
    private final ObjectMapper mapper;
    private final Clock clock;

    KafkaPositionPublisher(KafkaTemplate<Object, Object> kafka, ObjectMapper mapper, Clock clock) {
        this.kafka = kafka;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public void publish(DriverPositionReported position) {
        String key = position.driverId().toString();
        EventEnvelope envelope = EventEnvelope.wrap(key, position, clock.instant(), null, mapper);
        kafka.send(LocationTopics.POSITIONS, key, mapper.writeValueAsBytes(envelope))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        log.warn("Position of driver {} not published: {}", key, failure.toString());
                    }
                });
    }
}
