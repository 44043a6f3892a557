package dev.hailway.dispatch.api;

import java.time.Instant;
import java.util.UUID;

/** The driver did not answer in time; the next candidate gets the offer. */
public record OfferExpired(UUID offerId, UUID tripId, UUID driverId, Instant at) {
}
