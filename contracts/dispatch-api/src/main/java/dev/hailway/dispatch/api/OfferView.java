package dev.hailway.dispatch.api;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;

/** {@code GET /api/offers}: an offer made to the calling driver; {@code status} PENDING, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN. */
public record OfferView(UUID offerId, UUID tripId, GeoPoint pickup, GeoPoint dropoff, Money fare, long distanceMeters,
                        String status, Instant expiresAt) {
}
