package dev.hailway.history.stats;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/ops/stats}.
 *
 * @param tripsByStatus    every trip history knows, by current status
 * @param assignment       request-to-assignment times over the most recently assigned trips
 * @param topPickupCells   the busiest pickup cells, busiest first
 * @param dispatchOutcomes offers made, declined, expired, drivers assigned, no driver found
 */
public record OpsStats(Map<String, Long> tripsByStatus, AssignmentTimes assignment, List<CellCount> topPickupCells,
                       Map<String, Long> dispatchOutcomes) {
}
