package dev.hailway.history.events.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.hailway.dispatch.api.DispatchTopics;
import dev.hailway.history.HistoryCaches;
import dev.hailway.history.events.EventTypes;
import dev.hailway.history.events.Projector;
import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.payments.api.PaymentTopics;
import dev.hailway.platform.events.Inbox;
import dev.hailway.trips.api.TripTopics;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Every event of every topic history reads, applied once (the Inbox) to the read models. One consumer, so that
 * a rebuild can rewind it as a whole; a record that keeps failing goes to {@code <topic>.DLT} (platform-events).
 */
@Component
class HistoryEventsListener implements ConsumerSeekAware {

    static final String ID = "history-read-models";
    private static final Logger log = LoggerFactory.getLogger(HistoryEventsListener.class);

    private final Inbox inbox;
    private final Projector projector;
    private final HistoryCaches caches;
    private final ObjectMapper mapper;
    private final AtomicReference<Replay> replay = new AtomicReference<>();

    HistoryEventsListener(Inbox inbox, Projector projector, HistoryCaches caches, ObjectMapper mapper) {
        this.inbox = inbox;
        this.projector = projector;
        this.caches = caches;
        this.mapper = mapper;
    }

    @KafkaListener(id = ID, topics = {TripTopics.TRIPS, PaymentTopics.PAYMENTS, DispatchTopics.OFFERS}, concurrency = "1")
    void on(EventEnvelope envelope, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
            @Header(KafkaHeaders.RECEIVED_PARTITION) int partition, @Header(KafkaHeaders.OFFSET) long offset) {
        try {
            apply(envelope);
        } finally {
            Replay current = replay.get();
            if (current != null) {
                current.applied(new TopicPartition(topic, partition), offset);
            }
        }
    }

    void apply(EventEnvelope envelope) {
        Class<?> type = EventTypes.byName(envelope.type()).orElse(null);
        if (type == null) {
            // Recorded anyway: an event type history does not know yet is, for history, handled.
            log.debug("Ignoring event type {}", envelope.type());
            inbox.apply(envelope, () -> { });
            return;
        }
        Object event = envelope.payloadAs(type, mapper);
        Projector.Changed[] changed = new Projector.Changed[1];
        boolean applied = inbox.apply(envelope, () -> changed[0] = projector.apply(event));
        // After the commit: evicting inside the transaction would let a concurrent read cache the old rows again.
        if (applied && changed[0] != null) {
            if (changed[0].rider() != null) {
                caches.evictRider(changed[0].rider());
            }
            if (changed[0].driver() != null) {
                caches.evictDriver(changed[0].driver());
            }
            if (changed[0].stats()) {
                caches.evictStats();
            }
        }
    }

    /** The next assignment starts from the beginning of every partition, and progress is counted for {@code replay}. */
    void rewindOnNextAssignment(Replay next) {
        replay.set(next);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        Replay current = replay.get();
        if (current != null && current.rewindPending()) {
            callback.seekToBeginning(assignments.keySet());
            current.rewound();
        }
    }
}
