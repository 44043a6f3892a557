package dev.hailway.pricing.surge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SurgePolicyTest {

    private final SurgePolicy policy = SurgePolicy.standard();

    @Test
    void noSurgeWhileDriversAreAtLeastAsManyAsRequests() {
        assertThat(policy.target(0, 0)).isEqualByComparingTo("1.0");
        assertThat(policy.target(5, 5)).isEqualByComparingTo("1.0");
        assertThat(policy.target(3, 10)).isEqualByComparingTo("1.0");
    }

    @Test
    void surgeGrowsWithTheExcessOfDemandOverSupply() {
        // 1 + 0.5 × (6/4 − 1) = 1.25
        assertThat(policy.target(6, 4)).isEqualByComparingTo("1.25");
        assertThat(policy.target(8, 4)).isEqualByComparingTo("1.5");
    }

    @Test
    void surgeNeverPassesTheCeiling() {
        assertThat(policy.target(1000, 1)).isEqualByComparingTo("3.0");
    }

    @Test
    void aCellWithoutDriversCountsAsOneDriver() {
        assertThat(policy.target(1, 0)).isEqualByComparingTo("1.0");
        assertThat(policy.target(3, 0)).isEqualByComparingTo("2.0");
    }

    @Test
    void theMultiplierMovesHalfWayTowardsTheTargetEachRound() {
        BigDecimal first = policy.next(SurgePolicy.NONE, 5, 1);
        BigDecimal second = policy.next(first, 5, 1);

        assertThat(first).isEqualByComparingTo("2.00");
        assertThat(second).isEqualByComparingTo("2.50");
        assertThat(second.scale()).isEqualTo(2);
    }

    @Test
    void aQuietCellCalmsDownToExactlyNoSurge() {
        BigDecimal multiplier = new BigDecimal("3.00");
        int rounds = 0;
        while (multiplier.compareTo(SurgePolicy.NONE) > 0 && rounds < 20) {
            multiplier = policy.next(multiplier, 0, 3);
            rounds++;
        }

        assertThat(multiplier).isEqualByComparingTo("1.00");
        assertThat(rounds).isBetween(5, 10);
    }

    @Test
    void aBusyCellReachesItsTargetAndStaysThere() {
        BigDecimal multiplier = SurgePolicy.NONE;
        for (int round = 0; round < 12; round++) {
            multiplier = policy.next(multiplier, 6, 4);
        }

        assertThat(multiplier).isEqualByComparingTo("1.25");
        assertThat(policy.next(multiplier, 6, 4)).isEqualByComparingTo("1.25");
    }

    @Test
    void refusesNonsensicalSettings() {
        assertThatThrownBy(() -> new SurgePolicy(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.TWO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SurgePolicy(BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("0.5"), BigDecimal.TWO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.target(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
