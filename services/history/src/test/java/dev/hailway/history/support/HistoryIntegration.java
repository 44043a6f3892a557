package dev.hailway.history.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.hailway.platform.testing.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One context for every history IT: a real server, the embedded PostgreSQL and Kafka. The topics history reads
 * belong to other services; here they are created as if history published them (with their {@code .DLT}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hailway.logging.format=plain",
        "hailway.events.topics=trips.trips,payments.payments,dispatch.offers",
        "hailway.events.retry.backoff=100ms",
        "spring.kafka.consumer.properties.metadata.max.age.ms=1000"})
@EmbeddedInfrastructure(database = "history")
public @interface HistoryIntegration {
}
