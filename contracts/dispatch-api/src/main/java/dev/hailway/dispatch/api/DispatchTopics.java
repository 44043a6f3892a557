package dev.hailway.dispatch.api;

/** Kafka topics the dispatch service publishes to; record key = trip id. */
public final class DispatchTopics {

    /**
     * {@link OfferMade}, {@link OfferDeclined}, {@link OfferExpired}, {@link DriverAssigned}, {@link NoDriverFound}.
     */
    public static final String OFFERS = "dispatch.offers";

    private DispatchTopics() {
    }
}
