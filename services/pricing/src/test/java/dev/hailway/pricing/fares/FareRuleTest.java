package dev.hailway.pricing.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FareRuleTest {

    private final FareRule standard = new FareRule(VehicleClass.STANDARD, Money.of(4800, "KRW"), Money.of(1000, "KRW"),
            Money.of(200, "KRW"));

    @Test
    void chargesBasePlusDistancePlusTime() {
        // 4800 + 10 km × 1000 + 25 min × 200 = 19800
        var fare = standard.fareFor(new RouteEstimate(10_000, 1_500), BigDecimal.ONE, 100);

        assertThat(fare).isEqualTo(Money.of(19_800, "KRW"));
    }

    @Test
    void multipliesBySurgeThenRoundsToTheNearestHundredWon() {
        // 19800 × 1.37 = 27126 → 27100
        assertThat(standard.fareFor(new RouteEstimate(10_000, 1_500), new BigDecimal("1.37"), 100))
                .isEqualTo(Money.of(27_100, "KRW"));
        // 4800 + 1.234 km × 1000 + 0 = 6034 → 6000; 4800 + 1.25 km → 6050 → 6100 (half up)
        assertThat(standard.fareFor(new RouteEstimate(1_234, 0), BigDecimal.ONE, 100)).isEqualTo(Money.of(6_000, "KRW"));
        assertThat(standard.fareFor(new RouteEstimate(1_250, 0), BigDecimal.ONE, 100)).isEqualTo(Money.of(6_100, "KRW"));
    }

    @Test
    void refusesMixedCurrenciesAndNegativeAmounts() {
        assertThatThrownBy(() -> new FareRule(VehicleClass.XL, Money.of(1, "KRW"), Money.of(1, "USD"), Money.of(1, "KRW")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FareRule(VehicleClass.XL, Money.of(-1, "KRW"), Money.of(1, "KRW"), Money.of(1, "KRW")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
