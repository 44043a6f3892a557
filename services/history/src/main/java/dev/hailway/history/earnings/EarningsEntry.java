package dev.hailway.history.earnings;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import dev.hailway.common.api.Money;

/** What one payment adds to a driver's day: a paid trip counts as a trip, a cancellation fee only as money. */
public record EarningsEntry(UUID driverId, LocalDate day, int trips, Money earnings) {

    public EarningsEntry {
        Objects.requireNonNull(driverId, "driverId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(earnings, "earnings");
    }
}
