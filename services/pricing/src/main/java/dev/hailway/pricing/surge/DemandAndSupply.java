package dev.hailway.pricing.surge;

/** In one cell, over the recent window: how many quotes and trip requests, how many available drivers. */
public record DemandAndSupply(Cell cell, long demand, long supply) {
}
