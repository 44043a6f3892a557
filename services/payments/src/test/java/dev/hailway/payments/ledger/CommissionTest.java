package dev.hailway.payments.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hailway.common.api.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CommissionTest {

    private final Commission twentyPercent = new Commission(new BigDecimal("0.20"));

    @Test
    void takesTheRateOfTheAmountAndLeavesTheRestToTheDriver() {
        var split = twentyPercent.split(Money.of(15_600, "KRW"));

        assertThat(split.commission()).isEqualTo(Money.of(3_120, "KRW"));
        assertThat(split.driverEarnings()).isEqualTo(Money.of(12_480, "KRW"));
    }

    @Test
    void roundsTheCommissionDownToAWholeWonSoTheDriverGetsTheFraction() {
        // 20% of 15_603 is 3_120.6: the platform takes 3_120, the driver 12_483.
        var split = twentyPercent.split(Money.of(15_603, "KRW"));

        assertThat(split.commission()).isEqualTo(Money.of(3_120, "KRW"));
        assertThat(split.driverEarnings()).isEqualTo(Money.of(12_483, "KRW"));
        assertThat(split.total()).isEqualTo(Money.of(15_603, "KRW"));
    }

    @Test
    void partsAlwaysAddUpToTheAmount() {
        var oddRate = new Commission(new BigDecimal("0.137"));
        for (long amount = 0; amount < 2_000; amount += 7) {
            var split = oddRate.split(Money.of(amount, "KRW"));
            assertThat(split.total().amount()).isEqualTo(amount);
            assertThat(split.commission().amount()).isLessThanOrEqualTo(amount * 137 / 1000);
        }
    }

    @Test
    void refusesRatesOutsideZeroToOne() {
        assertThatThrownBy(() -> new Commission(new BigDecimal("1.5"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Commission(new BigDecimal("-0.1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
