package dev.hailway.platform.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.hailway.platform.testing.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** One context for every events IT: the embedded PostgreSQL and Kafka, fast retries and resubmission. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = EventsTestApplication.class, properties = {
        "spring.application.name=events-it",
        "hailway.events.topics=it.accounts,it.inbox,it.failing,it.poison",
        "hailway.events.partitions=1",
        "hailway.events.retry.retries=3",
        "hailway.events.retry.backoff=100ms",
        "hailway.events.resubmission.interval=500ms",
        "hailway.events.resubmission.min-age=2s",
        "hailway.events.metrics.interval=300ms",
        "management.endpoints.web.exposure.include=deadletters",
        "management.endpoints.jmx.exposure.include=deadletters",
        "management.tracing.sampling.probability=1.0",
        "management.tracing.export.otlp.enabled=false",
        "management.otlp.metrics.export.enabled=false"})
@EmbeddedInfrastructure(database = "events")
@interface EventsIntegration {
}
