package dev.hailway.platform.events.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the alerts need to see of the outbox and the dead letters, as gauges:
 * {@code hailway.events.outbox.incomplete} (publications Kafka has not confirmed yet),
 * {@code hailway.events.outbox.oldest.age} (seconds since the oldest of them was stored) and
 * {@code hailway.events.dead.letters} per dead-letter topic of the service's own topics (records on it).
 *
 * <p>The values are read on a schedule of their own, not when Prometheus scrapes: with the database or Kafka down,
 * a scrape must still answer at once (and then says NaN, "not known", rather than a stale 0).
 */
final class EventsMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventsMetrics.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Map<String, Object> adminConfig;
    private final List<String> deadLetterTopics;
    private final Clock clock;

    private final AtomicReference<Double> incomplete = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> oldestAge = new AtomicReference<>(Double.NaN);
    private final Map<String, AtomicReference<Double>> deadLetters = new ConcurrentHashMap<>();
    private final FixedDelayTask task;
    private volatile Admin admin;

    EventsMetrics(JdbcClient jdbc, Map<String, Object> adminConfig, List<String> ownTopics, Duration interval,
                  Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
        this.adminConfig = Map.copyOf(config);
        this.deadLetterTopics = ownTopics.stream().map(DeadLetterTopics::of).toList();
        this.clock = clock;
        this.task = new FixedDelayTask("events-metrics", Duration.ZERO, interval, this::refresh);
        Gauge.builder("hailway.events.outbox.incomplete", incomplete, AtomicReference::get)
                .description("Event publications stored in the outbox that Kafka has not confirmed yet")
                .register(registry);
        Gauge.builder("hailway.events.outbox.oldest.age", oldestAge, AtomicReference::get)
                .description("Age of the oldest unconfirmed event publication (0 when there is none)")
                .baseUnit("seconds")
                .register(registry);
        for (String topic : deadLetterTopics) {
            AtomicReference<Double> records = new AtomicReference<>(Double.NaN);
            deadLetters.put(topic, records);
            Gauge.builder("hailway.events.dead.letters", records, AtomicReference::get)
                    .description("Records on a dead-letter topic of this service's events, replayed or not")
                    .tag("topic", topic)
                    .register(registry);
        }
    }

    void refresh() {
        refreshOutbox();
        refreshDeadLetters();
    }

    private void refreshOutbox() {
        try {
            var row = jdbc.sql("""
                            select count(*) as n, min(publication_date) as oldest
                            from event_publication where completion_date is null
                            """)
                    .query((rs, n) -> new Object[] {rs.getLong("n"), rs.getTimestamp("oldest")})
                    .single();
            Timestamp oldest = (Timestamp) row[1];
            incomplete.set(((Long) row[0]).doubleValue());
            oldestAge.set(oldest == null ? 0.0
                    : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0));
        } catch (RuntimeException e) {
            incomplete.set(Double.NaN);
            oldestAge.set(Double.NaN);
            log.debug("Could not read the outbox for its gauges: {}", e.toString());
        }
    }

    private void refreshDeadLetters() {
        if (deadLetterTopics.isEmpty()) {
            return;
        }
        try {
            Admin client = admin();
            Map<String, TopicDescription> topics = client.describeTopics(deadLetterTopics).allTopicNames()
                    .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(topic -> topic.partitions().forEach(p -> {
                earliest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest());
            }));
            var starts = client.listOffsets(earliest).all().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            var ends = client.listOffsets(latest).all().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Double> records = new HashMap<>();
            ends.forEach((partition, end) -> records.merge(partition.topic(),
                    (double) (end.offset() - starts.get(partition).offset()), Double::sum));
            deadLetters.forEach((topic, gauge) -> gauge.set(records.getOrDefault(topic, Double.NaN)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // A topic not created yet, or Kafka away: not known, rather than "empty".
            deadLetters.values().forEach(gauge -> gauge.set(Double.NaN));
            log.debug("Could not read the dead-letter topics for their gauges: {}", e.toString());
        }
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            current = Admin.create(adminConfig);
            admin = current;
        }
        return current;
    }

    @Override
    public void start() {
        task.start();
    }

    @Override
    public void stop() {
        task.stop();
        Admin client = admin;
        if (client != null) {
            client.close(Duration.ofSeconds(2));
            admin = null;
        }
    }

    @Override
    public boolean isRunning() {
        return task.isRunning();
    }
}
