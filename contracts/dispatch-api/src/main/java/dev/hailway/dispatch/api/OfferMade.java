package dev.hailway.dispatch.api;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;

/** A driver was offered a trip until {@code expiresAt}. */
public record OfferMade(UUID offerId, UUID tripId, UUID driverId, GeoPoint pickup, GeoPoint dropoff, Money fare,
                        long distanceMeters, Instant expiresAt, Instant at) {
}
