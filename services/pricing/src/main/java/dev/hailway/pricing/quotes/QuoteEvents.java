package dev.hailway.pricing.quotes;

/** Tells the other services a quote was issued; called inside the transaction that records it. */
public interface QuoteEvents {

    void issued(Quote quote);
}
