package dev.hailway.pricing.fares;

import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** What a ride of one vehicle class costs before surge: a base fare plus a price per kilometre and per minute. */
public record FareRule(VehicleClass vehicleClass, Money base, Money perKilometre, Money perMinute) {

    private static final BigDecimal METRES_PER_KILOMETRE = BigDecimal.valueOf(1000);
    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);

    public FareRule {
        Objects.requireNonNull(vehicleClass, "vehicleClass");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(perKilometre, "perKilometre");
        Objects.requireNonNull(perMinute, "perMinute");
        if (!base.currency().equals(perKilometre.currency()) || !base.currency().equals(perMinute.currency())) {
            throw new IllegalArgumentException("a fare rule has one currency");
        }
        if (base.isNegative() || perKilometre.isNegative() || perMinute.isNegative()) {
            throw new IllegalArgumentException("fare rule amounts cannot be negative");
        }
    }

    public String currency() {
        return base.currency();
    }

    /**
     * The fare of {@code route} at {@code surge}, rounded to the nearest {@code roundTo} minor units (half up), so
     * that riders see round prices. Computed in decimals and rounded once, at the end.
     */
    public Money fareFor(RouteEstimate route, BigDecimal surge, long roundTo) {
        if (surge.signum() <= 0) {
            throw new IllegalArgumentException("surge must be positive, was " + surge);
        }
        if (roundTo < 1) {
            throw new IllegalArgumentException("roundTo must be at least 1, was " + roundTo);
        }
        BigDecimal distance = BigDecimal.valueOf(perKilometre.amount()).multiply(BigDecimal.valueOf(route.distanceMeters()))
                .divide(METRES_PER_KILOMETRE);
        BigDecimal time = BigDecimal.valueOf(perMinute.amount()).multiply(BigDecimal.valueOf(route.durationSeconds()))
                .divide(SECONDS_PER_MINUTE, 10, RoundingMode.HALF_UP);
        BigDecimal fare = BigDecimal.valueOf(base.amount()).add(distance).add(time).multiply(surge);
        BigDecimal step = BigDecimal.valueOf(roundTo);
        long rounded = fare.divide(step, 0, RoundingMode.HALF_UP).multiply(step).longValueExact();
        return Money.of(rounded, currency());
    }
}
