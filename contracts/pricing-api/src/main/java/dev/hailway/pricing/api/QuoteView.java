package dev.hailway.pricing.api;

import java.math.BigDecimal;
import java.time.Instant;

import dev.hailway.common.api.Money;

/** The answer to {@code POST /api/quotes}; {@code quoteId} is the signed quote (see {@link SignedQuotes}). */
public record QuoteView(String quoteId, Money fare, BigDecimal surge, long distanceMeters, long durationSeconds, Instant expiresAt) {
}
