package dev.hailway.pricing.surge;

import java.math.BigDecimal;

/** The surge multiplier a quote in a cell gets now. */
public interface Surges {

    BigDecimal at(Cell cell);
}
