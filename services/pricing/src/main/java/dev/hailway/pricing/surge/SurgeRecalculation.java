package dev.hailway.pricing.surge;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One round of surge: every cell with recent demand or supply, and every cell still surging, moves one step
 * towards its target. Cells that were surging and went quiet decay back to none.
 */
public final class SurgeRecalculation {

    private final SurgeBoard board;
    private final SurgePolicy policy;
    private final Duration demandWindow;
    private final Duration supplyWindow;
    private final Clock clock;

    public SurgeRecalculation(SurgeBoard board, SurgePolicy policy, Duration demandWindow, Duration supplyWindow,
                              Clock clock) {
        this.board = board;
        this.policy = policy;
        this.demandWindow = demandWindow;
        this.supplyWindow = supplyWindow;
        this.clock = clock;
    }

    /** Runs one round (the caller holds the transaction); returns the new multipliers above none. */
    public Map<Cell, BigDecimal> recalculate() {
        board.lockForRecalculation();
        Instant now = clock.instant();
        Map<Cell, BigDecimal> previous = board.multipliers();
        Map<Cell, DemandAndSupply> counts = new HashMap<>();
        for (DemandAndSupply cell : board.demandAndSupply(now.minus(demandWindow), now.minus(supplyWindow))) {
            counts.put(cell.cell(), cell);
        }
        Map<Cell, BigDecimal> next = new HashMap<>();
        for (Cell cell : union(previous, counts)) {
            DemandAndSupply count = counts.getOrDefault(cell, new DemandAndSupply(cell, 0, 0));
            BigDecimal multiplier = policy.next(previous.getOrDefault(cell, SurgePolicy.NONE), count.demand(), count.supply());
            if (multiplier.compareTo(SurgePolicy.NONE) > 0) {
                next.put(cell, multiplier);
            }
        }
        board.replace(next, now);
        board.forgetDemandBefore(now.minus(demandWindow));
        return next;
    }

    private static Set<Cell> union(Map<Cell, BigDecimal> previous, Map<Cell, DemandAndSupply> counts) {
        var cells = new HashSet<>(previous.keySet());
        cells.addAll(counts.keySet());
        return cells;
    }
}
