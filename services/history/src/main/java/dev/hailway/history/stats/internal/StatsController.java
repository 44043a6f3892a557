package dev.hailway.history.stats.internal;

import dev.hailway.history.HistoryCaches;
import dev.hailway.history.stats.AssignmentTimes;
import dev.hailway.history.stats.OpsStats;
import dev.hailway.history.stats.Statistics;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ops/stats?last=&top=}: for operators. */
@RestController
class StatsController {

    private final StatsQuery query;

    StatsController(StatsQuery query) {
        this.query = query;
    }

    @GetMapping("/api/ops/stats")
    @PreAuthorize("hasRole('OPERATOR')")
    OpsStats stats(@RequestParam(defaultValue = "${hailway.history.assignment-window:1000}") @Min(1) @Max(100_000) int last,
                   @RequestParam(defaultValue = "${hailway.history.top-cells:10}") @Min(1) @Max(100) int top) {
        return query.stats(last, top);
    }

    @Component
    static class StatsQuery {

        private final Statistics statistics;

        StatsQuery(Statistics statistics) {
            this.statistics = statistics;
        }

        @Cacheable(cacheNames = HistoryCaches.OPS_STATS, key = "#last + ':' + #top")
        public OpsStats stats(int last, int top) {
            return new OpsStats(statistics.tripsByStatus(),
                    AssignmentTimes.of(statistics.recentAssignmentWaits(last)),
                    statistics.topPickupCells(top),
                    statistics.dispatchOutcomes());
        }
    }
}
