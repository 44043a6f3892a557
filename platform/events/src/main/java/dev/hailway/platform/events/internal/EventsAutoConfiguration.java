package dev.hailway.platform.events.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.platform.events.Events;
import dev.hailway.platform.events.HailwayEventsProperties;
import dev.hailway.platform.events.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.config.EventExternalizationAutoConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.ObjectMapper;

/**
 * Outbox (Modulith registry + Kafka externalization of {@link OutboundEvent}s), inbox, listener error
 * handling with dead letters, and the {@code deadletters} endpoint.
 */
@AutoConfiguration(before = {EventExternalizationAutoConfiguration.class, KafkaAutoConfiguration.class,
        TaskExecutionAutoConfiguration.class}, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration"})
@EnableConfigurationProperties(HailwayEventsProperties.class)
public class EventsAutoConfiguration {

    static final String EVENT_ID_HEADER = "hailway-event-id";
    static final String EVENT_TYPE_HEADER = "hailway-event-type";
    static final String EVENT_VERSION_HEADER = "hailway-event-version";

    @Bean
    @ConditionalOnMissingBean
    Events hailwayEvents(ApplicationEventPublisher publisher, ObjectMapper mapper, ObjectProvider<Tracer> tracer,
                         ObjectProvider<Clock> clock) {
        return new Events(publisher, mapper, new Traceparents(tracer), clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * Only {@link OutboundEvent}s leave the service; its topic is the target, the aggregate id the key, the
     * envelope the value. Modulith asks for headers with the mapped value, hence the envelope type there.
     */
    @Bean
    EventExternalizationConfiguration hailwayEventExternalization() {
        return outboundEvents();
    }

    static EventExternalizationConfiguration outboundEvents() {
        return EventExternalizationConfiguration.externalizing()
                .selectByType(OutboundEvent.class)
                .route(OutboundEvent.class,
                        event -> RoutingTarget.forTarget(event.topic()).andKey(event.envelope().aggregateId()))
                .headers(EventEnvelope.class, EventsAutoConfiguration::headersOf)
                .mapping(OutboundEvent.class, OutboundEvent::envelope)
                // One send at a time, in commit order: without it, two events of one aggregate committed a moment
                // apart raced on the async executor and reached the topic swapped (seen in drivers' IT), breaking
                // "order holds per aggregate".
                .serializeExternalization(true)
                .build();
    }

    static Map<String, Object> headersOf(EventEnvelope envelope) {
        return Map.of(
                EVENT_ID_HEADER, envelope.id().toString(),
                EVENT_TYPE_HEADER, envelope.type(),
                EVENT_VERSION_HEADER, Integer.toString(envelope.version()));
    }

    @Bean
    @ConditionalOnProperty(name = "hailway.events.resubmission.enabled", matchIfMissing = true)
    OutboxResubmission hailwayOutboxResubmission(IncompleteEventPublications publications,
                                                 HailwayEventsProperties properties) {
        return new OutboxResubmission(publications, properties.resubmission().interval(),
                properties.resubmission().minAge());
    }

    @Bean
    @ConditionalOnMissingBean
    Inbox hailwayInbox(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        return new Inbox(jdbc, new TransactionTemplate(transactionManager));
    }

    @Bean
    InboxPruning hailwayInboxPruning(Inbox inbox, HailwayEventsProperties properties, ObjectProvider<Clock> clock) {
        return new InboxPruning(inbox, properties.inbox().retention(), properties.inbox().pruneEvery(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    /** The service's own topics and their dead-letter topics, created by Boot's {@link KafkaAdmin} at start. */
    @Bean
    KafkaAdmin.NewTopics hailwayTopics(HailwayEventsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : properties.topics()) {
            topics.add(TopicBuilder.name(topic).partitions(properties.partitions()).build());
            topics.add(TopicBuilder.name(DeadLetterTopics.of(topic)).partitions(1).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * Picked up by Boot's listener container factory: bounded retries, then {@code <topic>.DLT}. Records that
     * cannot be converted (poison messages) are not retried: the default classification sends conversion and
     * deserialization failures straight to the recoverer.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler hailwayKafkaErrorHandler(KafkaOperations<Object, Object> kafka, KafkaAdmin admin,
                                                 HailwayEventsProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka, new DeadLetterTopics(admin));
        FixedBackOff backOff = new FixedBackOff(properties.retry().backoff().toMillis(),
                Math.max(0, properties.retry().retries()));
        return new DefaultErrorHandler(recoverer, backOff);
    }

    /**
     * Modulith externalizes on Boot's task executor, after the commit: this carries the caller's observation
     * over, so the Kafka send (and its {@code traceparent} header) stays in the request's trace.
     */
    @Bean
    @ConditionalOnMissingBean(TaskDecorator.class)
    @ConditionalOnClass(name = "io.micrometer.context.ContextSnapshotFactory")
    TaskDecorator hailwayContextPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    EventsMetrics hailwayEventsMetrics(JdbcClient jdbc, KafkaAdmin admin, HailwayEventsProperties properties,
                                       ObjectProvider<Clock> clock, MeterRegistry registry) {
        return new EventsMetrics(jdbc, admin.getConfigurationProperties(), properties.topics(),
                properties.metrics().interval(), clock.getIfAvailable(Clock::systemUTC), registry);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class DeadLetterEndpointConfiguration {

        @Bean
        DeadLetters hailwayDeadLetters(KafkaProperties kafkaProperties, KafkaAdmin admin,
                                       KafkaOperations<Object, Object> kafka, HailwayEventsProperties properties) {
            return new DeadLetters(kafkaProperties.buildConsumerProperties(), admin.getConfigurationProperties(),
                    kafka, properties.deadLetters().maxRecordsPerTopic());
        }

        @Bean
        @ConditionalOnAvailableEndpoint
        DeadLetterEndpoint hailwayDeadLetterEndpoint(DeadLetters deadLetters) {
            return new DeadLetterEndpoint(deadLetters);
        }
    }
}
