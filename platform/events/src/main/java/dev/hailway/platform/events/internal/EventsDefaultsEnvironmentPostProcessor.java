package dev.hailway.platform.events.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service gets for Kafka and the outbox, added last so that any property a service or its
 * environment sets wins.
 */
public class EventsDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "hailwayEventsDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults()));
        }
    }

    static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // The outbox: Flyway owns the table (db/platform/V0_1), crashes are caught up at the next start.
        defaults.put("spring.modulith.events.jdbc.schema-initialization.enabled", "false");
        defaults.put("spring.modulith.events.republish-outstanding-events-on-restart", "true");
        // A sent publication is deleted, so the table holds only what is still owed (and never grows unbounded).
        defaults.put("spring.modulith.events.completion-mode", "delete");
        defaults.put("spring.flyway.locations", "classpath:db/platform,classpath:db/migration");
        // Values are JSON bytes: the envelope is written and read by Modulith's Jackson message converter,
        // and a record that cannot be read still reaches the dead-letter topic byte for byte.
        defaults.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        defaults.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        // No duplicates or reordering from producer retries, and no acknowledged write lost with a leader.
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        // A send to a broker that is down fails fast (the outbox resends it) instead of blocking the
        // committing request thread for a minute.
        defaults.put("spring.kafka.producer.properties.max.block.ms", "5000");
        defaults.put("spring.kafka.producer.properties.delivery.timeout.ms", "30000");
        defaults.put("spring.kafka.producer.properties.request.timeout.ms", "10000");
        defaults.put("spring.kafka.consumer.group-id", "${spring.application.name:hailway}");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        // Trace context travels in Kafka headers, producer to listener.
        defaults.put("spring.kafka.template.observation-enabled", "true");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        return defaults;
    }
}
