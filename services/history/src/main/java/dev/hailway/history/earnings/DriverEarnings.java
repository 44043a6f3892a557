package dev.hailway.history.earnings;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The {@code driver_earnings_daily} read model. */
public interface DriverEarnings {

    void add(EarningsEntry entry);

    /** The driver's days from {@code from} to {@code to}, both included, oldest first; days without earnings left out. */
    List<DailyEarnings> between(UUID driverId, LocalDate from, LocalDate to);
}
