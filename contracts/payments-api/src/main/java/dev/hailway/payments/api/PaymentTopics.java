package dev.hailway.payments.api;

/** Kafka topics the payments service publishes to; record key = trip id. */
public final class PaymentTopics {

    /**
     * {@link PaymentAuthorized}, {@link PaymentDeclined}, {@link PaymentCaptured}, {@link PaymentReleased},
     * {@link CancellationFeeCharged}.
     */
    public static final String PAYMENTS = "payments.payments";

    private PaymentTopics() {
    }
}
