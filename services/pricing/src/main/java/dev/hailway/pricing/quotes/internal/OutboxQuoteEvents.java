package dev.hailway.pricing.quotes.internal;

import dev.hailway.platform.events.Events;
import dev.hailway.pricing.api.PricingTopics;
import dev.hailway.pricing.api.QuoteIssued;
import dev.hailway.pricing.quotes.Quote;
import dev.hailway.pricing.quotes.QuoteEvents;

/** Through the outbox: stored with the quote's demand signal, sent to Kafka after the commit. */
final class OutboxQuoteEvents implements QuoteEvents {

    private final Events events;

    OutboxQuoteEvents(Events events) {
        this.events = events;
    }

    @Override
    public void issued(Quote quote) {
        events.publish(PricingTopics.QUOTES, quote.id().toString(), new QuoteIssued(quote.id(), quote.riderId(),
                quote.pickup(), quote.dropoff(), quote.vehicleClass(), quote.fare(), quote.surge(),
                quote.pickupCell().address(), quote.expiresAt(), quote.issuedAt()));
    }
}
