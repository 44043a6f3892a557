package dev.hailway.platform.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class EventsDefaultsEnvironmentPostProcessorTest {

    @Test
    void makesTheProducerIdempotentAndTheOutboxCatchUpOnRestart() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "trips");

        new EventsDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("spring.kafka.producer.properties.enable.idempotence")).isEqualTo("true");
        assertThat(environment.getProperty("spring.modulith.events.republish-outstanding-events-on-restart"))
                .isEqualTo("true");
        assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("trips");
        assertThat(environment.getProperty("spring.kafka.listener.observation-enabled")).isEqualTo("true");
    }

    @Test
    void letsTheServiceOverrideAnyDefault() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.kafka.producer.acks", "1");

        new EventsDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("1");
    }
}
