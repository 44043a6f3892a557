package dev.hailway.chaos.check;

import java.util.List;

/** An invariant that did not hold, with what shows it and the trips concerned (the first few of them). */
public record Violation(String invariant, String detail, List<String> trips) {

    private static final int TRIPS_SHOWN = 10;

    public Violation {
        trips = List.copyOf(trips.subList(0, Math.min(trips.size(), TRIPS_SHOWN)));
    }

    public static Violation of(String invariant, String detail) {
        return new Violation(invariant, detail, List.of());
    }

    @Override
    public String toString() {
        return invariant + ": " + detail + (trips.isEmpty() ? "" : " (trips " + String.join(", ", trips) + ")");
    }
}
