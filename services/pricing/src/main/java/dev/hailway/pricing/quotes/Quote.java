package dev.hailway.pricing.quotes;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.pricing.fares.RouteEstimate;
import dev.hailway.pricing.surge.Cell;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A price promised to one rider for one ride, until {@code expiresAt}. */
public record Quote(UUID id, UUID riderId, GeoPoint pickup, GeoPoint dropoff, VehicleClass vehicleClass, Money fare,
                    BigDecimal surge, RouteEstimate route, Cell pickupCell, Instant issuedAt, Instant expiresAt) {
}
