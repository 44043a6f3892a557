package dev.hailway.history.stats.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hailway.history.stats.CellCount;
import dev.hailway.history.stats.DispatchOutcome;
import dev.hailway.history.stats.Statistics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcStatistics implements Statistics {

    private final JdbcClient jdbc;

    JdbcStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void countPickup(String cell) {
        jdbc.sql("""
                        INSERT INTO pickup_cells (cell, trips) VALUES (:cell, 1)
                        ON CONFLICT (cell) DO UPDATE SET trips = pickup_cells.trips + 1""")
                .param("cell", cell).update();
    }

    @Override
    public void countDispatchOutcome(DispatchOutcome outcome) {
        jdbc.sql("""
                        INSERT INTO dispatch_outcomes (outcome, count) VALUES (:outcome, 1)
                        ON CONFLICT (outcome) DO UPDATE SET count = dispatch_outcomes.count + 1""")
                .param("outcome", outcome.name()).update();
    }

    @Override
    public Map<String, Long> tripsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT status, count(*) AS trips FROM rider_trips GROUP BY status ORDER BY status")
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("trips"));
                });
        return counts;
    }

    @Override
    public List<Duration> recentAssignmentWaits(int trips) {
        return jdbc.sql("""
                        SELECT (EXTRACT(EPOCH FROM (assigned_at - requested_at)) * 1000)::BIGINT AS wait_ms
                        FROM rider_trips WHERE assigned_at IS NOT NULL AND requested_at IS NOT NULL
                        ORDER BY assigned_at DESC LIMIT :trips""")
                .param("trips", trips)
                .query((rs, n) -> Duration.ofMillis(rs.getLong("wait_ms"))).list();
    }

    @Override
    public List<CellCount> topPickupCells(int cells) {
        return jdbc.sql("SELECT cell, trips FROM pickup_cells ORDER BY trips DESC, cell LIMIT :cells")
                .param("cells", cells)
                .query((rs, n) -> new CellCount(rs.getString("cell"), rs.getLong("trips"))).list();
    }

    @Override
    public Map<String, Long> dispatchOutcomes() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT outcome, count FROM dispatch_outcomes ORDER BY outcome")
                .query(rs -> {
                    counts.put(rs.getString("outcome"), rs.getLong("count"));
                });
        return counts;
    }
}
