package dev.hailway.pricing.quotes;

/** A quote and its signed form, the {@code quoteId} a rider sees. */
public record IssuedQuote(Quote quote, String signed) {
}
