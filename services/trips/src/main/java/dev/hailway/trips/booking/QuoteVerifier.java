package dev.hailway.trips.booking;

/** Checks that a signed quote comes from pricing, untouched; says nothing yet about its expiry or its rider. */
public interface QuoteVerifier {

    /**
     * @throws QuoteRejected (reason {@link QuoteRejected.Reason#INVALID}) for anything but a well-formed quote
     *                       signed by one of pricing's keys
     * @throws QuoteKeysUnavailable when pricing's keys cannot be fetched to check it
     */
    Quote verify(String signedQuote);
}
