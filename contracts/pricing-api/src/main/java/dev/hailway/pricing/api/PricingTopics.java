package dev.hailway.pricing.api;

/** Kafka topics the pricing service publishes to; record key = quote id. */
public final class PricingTopics {

    /** {@link QuoteIssued}. */
    public static final String QUOTES = "pricing.quotes";

    private PricingTopics() {
    }
}
