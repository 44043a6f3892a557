package dev.hailway.history.stats;

/** Trips requested with their pickup in an H3 cell (resolution 7, about 5 km²), cell as its hex address. */
public record CellCount(String cell, long trips) {
}
