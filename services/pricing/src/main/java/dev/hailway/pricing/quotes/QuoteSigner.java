package dev.hailway.pricing.quotes;

/** Turns a quote into the compact JWS the rider hands to trips (see {@code SignedQuotes} in pricing-api). */
public interface QuoteSigner {

    String sign(Quote quote);
}
