package dev.hailway.location.positions.internal;

import java.time.Clock;

import dev.hailway.location.LocationSettings;
import dev.hailway.location.api.LocationTopics;
import dev.hailway.location.index.DriverIndex;
import dev.hailway.location.positions.PingRules;
import dev.hailway.location.positions.PositionPublisher;
import dev.hailway.location.positions.ReportingPositions;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class PositionsConfiguration {

    /** Compacted: Kafka keeps at least the latest position per driver, which is all a rebuild needs. */
    @Bean
    NewTopic positionsTopic() {
        return TopicBuilder.name(LocationTopics.POSITIONS).partitions(3).compact()
                .config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0")
                .build();
    }

    @Bean
    PositionPublisher positionPublisher(KafkaTemplate<Object, Object> kafka, ObjectMapper mapper, Clock clock,
                                        LocationSettings settings, MeterRegistry registry) {
        LocationSettings.Publishing publishing = settings.publishing();
        CircuitBreaker breaker = CircuitBreaker.of("location-positions", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(publishing.window())
                .minimumNumberOfCalls(Math.min(publishing.window(), publishing.minimumCalls()))
                .failureRateThreshold(50)
                .waitDurationInOpenState(publishing.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        Gauge.builder("location.positions.circuit.open", breaker,
                        b -> b.getState() == CircuitBreaker.State.OPEN ? 1 : 0)
                .description("1 while pings are refused at once because Kafka did not take the last ones")
                .register(registry);
        return new KafkaPositionPublisher(kafka, mapper, clock, breaker, publishing.openFor());
    }

    @Bean
    ReportingPositions reportingPositions(DriverIndex index, PositionPublisher publisher, LocationSettings settings,
                                          Clock clock) {
        return new ReportingPositions(index, publisher,
                new PingRules(settings.maxSpeedKmh(), settings.maxFutureSkew()), clock,
                settings.publishing().timeout());
    }

    /** Its bean name makes the health contributor {@code positionIndex}, which readiness includes. */
    @Bean
    PositionIndexRebuild positionIndexHealthIndicator(KafkaProperties kafka, DriverIndex index, ObjectMapper mapper) {
        return new PositionIndexRebuild(kafka.buildConsumerProperties(), index, mapper);
    }
}
