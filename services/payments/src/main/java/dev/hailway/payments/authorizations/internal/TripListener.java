package dev.hailway.payments.authorizations.internal;

import dev.hailway.payments.authorizations.TripPayments;
import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.platform.events.Inbox;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripCompleted;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripTopics;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.ObjectMapper;

/**
 * The trip events payments acts on, each applied once through the inbox (in the inbox's transaction, which the
 * outbox shares). The trip's other events are not payments' business and leave no trace.
 */
class TripListener {

    private final TripPayments payments;
    private final Inbox inbox;
    private final ObjectMapper mapper;

    TripListener(TripPayments payments, Inbox inbox, ObjectMapper mapper) {
        this.payments = payments;
        this.inbox = inbox;
        this.mapper = mapper;
    }

    @KafkaListener(id = "payments-trips", topics = TripTopics.TRIPS)
    void on(EventEnvelope envelope) {
        if (envelope.carries(TripRequested.class)) {
            var event = envelope.payloadAs(TripRequested.class, mapper);
            inbox.apply(envelope, () -> payments.requested(event));
        } else if (envelope.carries(TripCompleted.class)) {
            var event = envelope.payloadAs(TripCompleted.class, mapper);
            inbox.apply(envelope, () -> payments.completed(event));
        } else if (envelope.carries(TripCancelled.class)) {
            var event = envelope.payloadAs(TripCancelled.class, mapper);
            inbox.apply(envelope, () -> payments.cancelled(event));
        }
    }
}
