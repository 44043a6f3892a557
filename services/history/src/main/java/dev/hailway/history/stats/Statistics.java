package dev.hailway.history.stats;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The statistics read models: counters of their own, and aggregates over {@code rider_trips}. */
public interface Statistics {

    void countPickup(String cell);

    void countDispatchOutcome(DispatchOutcome outcome);

    Map<String, Long> tripsByStatus();

    /** Request-to-assignment waits of the {@code trips} most recently assigned trips. */
    List<Duration> recentAssignmentWaits(int trips);

    List<CellCount> topPickupCells(int cells);

    Map<String, Long> dispatchOutcomes();
}
