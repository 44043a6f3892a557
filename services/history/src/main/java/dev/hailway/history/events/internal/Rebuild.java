package dev.hailway.history.events.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.hailway.history.HistoryCaches;
import dev.hailway.history.events.EventTypes;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops the read models and builds them again from the topics: stop the consumer, note where every partition
 * ends, empty the read-model tables and history's inbox in one transaction, then start the consumer again
 * rewound to the beginning. Queries answer from partial models until it has caught up.
 */
@Component
class Rebuild {

    enum State { IDLE, REBUILDING, CAUGHT_UP }

    record Status(State state, Instant startedAt, Instant caughtUpAt, long behind) {
    }

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final List<String> TABLES = List.of("rider_trips", "driver_earnings_daily", "pickup_cells",
            "dispatch_outcomes");

    private final KafkaListenerEndpointRegistry registry;
    private final HistoryEventsListener listener;
    private final KafkaAdmin admin;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final HistoryCaches caches;
    private final Clock clock;
    private volatile Replay current;

    Rebuild(KafkaListenerEndpointRegistry registry, HistoryEventsListener listener, KafkaAdmin admin, JdbcClient jdbc,
            TransactionTemplate transactions, HistoryCaches caches, Clock clock) {
        this.registry = registry;
        this.listener = listener;
        this.admin = admin;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.caches = caches;
        this.clock = clock;
    }

    synchronized Status start() {
        if (current != null && !current.caughtUp(clock.instant())) {
            throw new ProblemException(HttpStatus.CONFLICT, Problems.CONFLICT, "Rebuild in progress",
                    "A rebuild is still catching up; wait for it to finish");
        }
        MessageListenerContainer container = registry.getListenerContainer(HistoryEventsListener.ID);
        if (container == null) {
            throw new IllegalStateException("listener container " + HistoryEventsListener.ID + " not found");
        }
        container.stop();
        try {
            Replay replay = new Replay(clock.instant(), logRanges());
            transactions.executeWithoutResult(status -> {
                jdbc.sql("TRUNCATE " + String.join(", ", TABLES)).update();
                jdbc.sql("DELETE FROM inbox").update();
            });
            caches.clearAll();
            listener.rewindOnNextAssignment(replay);
            current = replay;
            log.info("Rebuilding the read models: {} records to replay", replay.behind());
        } finally {
            container.start();
        }
        return status();
    }

    Status status() {
        Replay replay = current;
        if (replay == null) {
            return new Status(State.IDLE, null, null, 0);
        }
        boolean caughtUp = replay.caughtUp(clock.instant());
        return new Status(caughtUp ? State.CAUGHT_UP : State.REBUILDING, replay.startedAt(), replay.caughtUpAt(),
                replay.behind());
    }

    private Map<TopicPartition, Replay.Range> logRanges() {
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            List<String> existing = client.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(EventTypes.TOPICS::contains).toList();
            Map<String, TopicDescription> topics = client.describeTopics(existing).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.values().forEach(topic -> topic.partitions().forEach(partition -> {
                TopicPartition tp = new TopicPartition(topic.name(), partition.partition());
                earliest.put(tp, OffsetSpec.earliest());
                latest.put(tp, OffsetSpec.latest());
            }));
            var starts = client.listOffsets(earliest).all().get(30, TimeUnit.SECONDS);
            var ends = client.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Replay.Range> ranges = new HashMap<>();
            latest.keySet().forEach(tp -> ranges.put(tp, new Replay.Range(starts.get(tp).offset(), ends.get(tp).offset())));
            return ranges;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the topics' offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                    "Kafka unavailable", "The topics' offsets could not be read; try again later");
        }
    }
}
