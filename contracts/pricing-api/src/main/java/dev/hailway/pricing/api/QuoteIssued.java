package dev.hailway.pricing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;

/** A rider was quoted a fare (demand signal for surge, and for the operators' statistics). */
public record QuoteIssued(UUID quoteId, UUID riderId, GeoPoint pickup, GeoPoint dropoff, VehicleClass vehicleClass,
                          Money fare, BigDecimal surge, String pickupCell, Instant expiresAt, Instant issuedAt) {
}
