package dev.hailway.trips.saga.internal;

import dev.hailway.dispatch.api.DispatchTopics;
import dev.hailway.dispatch.api.DriverAssigned;
import dev.hailway.dispatch.api.NoDriverFound;
import dev.hailway.payments.api.PaymentAuthorized;
import dev.hailway.payments.api.PaymentCaptured;
import dev.hailway.payments.api.PaymentDeclined;
import dev.hailway.payments.api.PaymentTopics;
import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.platform.events.Inbox;
import dev.hailway.trips.saga.RideSaga;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.ObjectMapper;

/**
 * Feeds the saga from the payments and dispatch topics, each event through the inbox: a redelivered event is
 * skipped, and the inbox row, the trip's change and its outgoing event commit together. Events the saga does not
 * react to (offers made, holds released, ...) are not even recorded.
 */
final class SagaListeners {

    private final RideSaga saga;
    private final Inbox inbox;
    private final ObjectMapper mapper;

    SagaListeners(RideSaga saga, Inbox inbox, ObjectMapper mapper) {
        this.saga = saga;
        this.inbox = inbox;
        this.mapper = mapper;
    }

    @KafkaListener(id = "trips-payments", topics = PaymentTopics.PAYMENTS)
    void onPayment(EventEnvelope envelope) {
        if (envelope.carries(PaymentAuthorized.class)) {
            inbox.apply(envelope, () -> saga.on(envelope.payloadAs(PaymentAuthorized.class, mapper)));
        } else if (envelope.carries(PaymentDeclined.class)) {
            inbox.apply(envelope, () -> saga.on(envelope.payloadAs(PaymentDeclined.class, mapper)));
        } else if (envelope.carries(PaymentCaptured.class)) {
            inbox.apply(envelope, () -> saga.on(envelope.payloadAs(PaymentCaptured.class, mapper)));
        }
    }

    @KafkaListener(id = "trips-dispatch", topics = DispatchTopics.OFFERS)
    void onDispatch(EventEnvelope envelope) {
        if (envelope.carries(DriverAssigned.class)) {
            inbox.apply(envelope, () -> saga.on(envelope.payloadAs(DriverAssigned.class, mapper)));
        } else if (envelope.carries(NoDriverFound.class)) {
            inbox.apply(envelope, () -> saga.on(envelope.payloadAs(NoDriverFound.class, mapper)));
        }
    }
}
