package dev.hailway.dispatch.api;

import java.time.Instant;
import java.util.UUID;

/** The driver said no; the next candidate gets the offer. */
public record OfferDeclined(UUID offerId, UUID tripId, UUID driverId, Instant at) {
}
