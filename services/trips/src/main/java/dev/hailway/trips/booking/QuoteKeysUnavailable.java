package dev.hailway.trips.booking;

/** Pricing's signing keys could not be fetched: the quote may be fine, we cannot tell now. */
public final class QuoteKeysUnavailable extends RuntimeException {

    public QuoteKeysUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
