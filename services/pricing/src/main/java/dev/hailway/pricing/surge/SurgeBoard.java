package dev.hailway.pricing.surge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The stored surge state: the current multiplier per cell, and the counts it is computed from. */
public interface SurgeBoard {

    /** Demand since {@code demandSince} and online drivers seen since {@code supplySince}, per cell with either. */
    List<DemandAndSupply> demandAndSupply(Instant demandSince, Instant supplySince);

    /** Cells whose multiplier is above {@link SurgePolicy#NONE}; every other cell has none. */
    Map<Cell, BigDecimal> multipliers();

    BigDecimal multiplierAt(Cell cell);

    /** Replaces the whole board; a cell at {@link SurgePolicy#NONE} is dropped. */
    void replace(Map<Cell, BigDecimal> multipliers, Instant computedAt);

    void forgetDemandBefore(Instant before);

    /** Serialises recalculations across instances, until the current transaction ends. */
    void lockForRecalculation();
}
