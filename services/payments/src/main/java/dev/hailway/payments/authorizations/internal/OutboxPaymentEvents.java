package dev.hailway.payments.authorizations.internal;

import dev.hailway.payments.api.CancellationFeeCharged;
import dev.hailway.payments.api.PaymentAuthorized;
import dev.hailway.payments.api.PaymentCaptured;
import dev.hailway.payments.api.PaymentDeclined;
import dev.hailway.payments.api.PaymentReleased;
import dev.hailway.payments.api.PaymentTopics;
import dev.hailway.payments.authorizations.PaymentEvents;
import dev.hailway.platform.events.Events;
import java.util.UUID;

/** Through the outbox, keyed by trip id so that a trip's payment events stay in order. */
final class OutboxPaymentEvents implements PaymentEvents {

    private final Events events;

    OutboxPaymentEvents(Events events) {
        this.events = events;
    }

    @Override
    public void authorized(PaymentAuthorized event) {
        publish(event.tripId(), event);
    }

    @Override
    public void declined(PaymentDeclined event) {
        publish(event.tripId(), event);
    }

    @Override
    public void captured(PaymentCaptured event) {
        publish(event.tripId(), event);
    }

    @Override
    public void released(PaymentReleased event) {
        publish(event.tripId(), event);
    }

    @Override
    public void feeCharged(CancellationFeeCharged event) {
        publish(event.tripId(), event);
    }

    private void publish(UUID tripId, Object event) {
        events.publish(PaymentTopics.PAYMENTS, tripId.toString(), event);
    }
}
