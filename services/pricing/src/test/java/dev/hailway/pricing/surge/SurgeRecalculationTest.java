package dev.hailway.pricing.surge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurgeRecalculationTest {

    private static final Cell BUSY = new Cell("87283082effffff");
    private static final Cell CALMING = new Cell("87283082affffff");
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    private final FakeBoard board = new FakeBoard();
    private final SurgeRecalculation recalculation = new SurgeRecalculation(board, SurgePolicy.standard(),
            Duration.ofMinutes(10), Duration.ofMinutes(2), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void busyCellsSurgeAndQuietOnesDecayTowardsNone() {
        board.counts.add(new DemandAndSupply(BUSY, 5, 1));
        board.multipliers.put(CALMING, new BigDecimal("1.01"));

        var next = recalculation.recalculate();

        assertThat(next).containsOnlyKeys(BUSY);
        assertThat(next.get(BUSY)).isEqualByComparingTo("2.00");
        assertThat(board.multipliers).isEqualTo(next);
        assertThat(board.locked).isTrue();
    }

    @Test
    void countsDemandOverItsWindowAndSupplyOverItsOwnAndForgetsOlderDemand() {
        recalculation.recalculate();

        assertThat(board.demandSince).isEqualTo(NOW.minus(Duration.ofMinutes(10)));
        assertThat(board.supplySince).isEqualTo(NOW.minus(Duration.ofMinutes(2)));
        assertThat(board.forgottenBefore).isEqualTo(NOW.minus(Duration.ofMinutes(10)));
    }

    private static final class FakeBoard implements SurgeBoard {

        final List<DemandAndSupply> counts = new ArrayList<>();
        Map<Cell, BigDecimal> multipliers = new HashMap<>();
        Instant demandSince;
        Instant supplySince;
        Instant forgottenBefore;
        boolean locked;

        @Override
        public List<DemandAndSupply> demandAndSupply(Instant demandSince, Instant supplySince) {
            this.demandSince = demandSince;
            this.supplySince = supplySince;
            return counts;
        }

        @Override
        public Map<Cell, BigDecimal> multipliers() {
            return new HashMap<>(multipliers);
        }

        @Override
        public BigDecimal multiplierAt(Cell cell) {
            return multipliers.getOrDefault(cell, SurgePolicy.NONE);
        }

        @Override
        public void replace(Map<Cell, BigDecimal> multipliers, Instant computedAt) {
            this.multipliers = new HashMap<>(multipliers);
        }

        @Override
        public void forgetDemandBefore(Instant before) {
            forgottenBefore = before;
        }

        @Override
        public void lockForRecalculation() {
            locked = true;
        }
    }
}
