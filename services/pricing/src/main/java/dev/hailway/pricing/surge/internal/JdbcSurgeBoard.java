package dev.hailway.pricing.surge.internal;

import dev.hailway.pricing.surge.Cell;
import dev.hailway.pricing.surge.DemandAndSupply;
import dev.hailway.pricing.surge.MarketSignals;
import dev.hailway.pricing.surge.SurgeBoard;
import dev.hailway.pricing.surge.SurgePolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcSurgeBoard implements SurgeBoard, MarketSignals {

    /** Any constant unique among this database's advisory locks. */
    private static final long RECALCULATION_LOCK = 0x5a1e_0000_0007L;

    private final JdbcClient jdbc;

    JdbcSurgeBoard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void demand(UUID sourceId, DemandKind kind, Cell cell, Instant at) {
        jdbc.sql("""
                insert into demand_signals (source_id, kind, cell, at) values (:id, :kind, :cell, :at)
                on conflict (source_id) do nothing
                """)
                .param("id", sourceId).param("kind", kind.name()).param("cell", cell.address()).param("at", utc(at))
                .update();
    }

    @Override
    public void driverPosition(UUID driverId, Cell cell, Instant at) {
        jdbc.sql("""
                insert into driver_presence (driver_id, cell, position_at) values (:id, :cell, :at)
                on conflict (driver_id) do update set cell = excluded.cell, position_at = excluded.position_at
                where driver_presence.position_at is null or driver_presence.position_at < excluded.position_at
                """)
                .param("id", driverId).param("cell", cell.address()).param("at", utc(at)).update();
    }

    @Override
    public void driverOnline(UUID driverId, Instant at) {
        shift(driverId, true, at);
    }

    @Override
    public void driverOffline(UUID driverId, Instant at) {
        shift(driverId, false, at);
    }

    private void shift(UUID driverId, boolean online, Instant at) {
        jdbc.sql("""
                insert into driver_presence (driver_id, online, shift_at) values (:id, :online, :at)
                on conflict (driver_id) do update set online = excluded.online, shift_at = excluded.shift_at
                where driver_presence.shift_at is null or driver_presence.shift_at < excluded.shift_at
                """)
                .param("id", driverId).param("online", online).param("at", utc(at)).update();
    }

    @Override
    public List<DemandAndSupply> demandAndSupply(Instant demandSince, Instant supplySince) {
        return jdbc.sql("""
                with demand as (
                    select cell, count(*) as n from demand_signals where at >= :demandSince group by cell),
                supply as (
                    select cell, count(*) as n from driver_presence
                    where online and cell is not null and position_at >= :supplySince group by cell)
                select coalesce(d.cell, s.cell) as cell, coalesce(d.n, 0) as demand, coalesce(s.n, 0) as supply
                from demand d full outer join supply s on d.cell = s.cell
                """)
                .param("demandSince", utc(demandSince)).param("supplySince", utc(supplySince))
                .query((row, n) -> new DemandAndSupply(new Cell(row.getString("cell")), row.getLong("demand"),
                        row.getLong("supply")))
                .list();
    }

    @Override
    public Map<Cell, BigDecimal> multipliers() {
        Map<Cell, BigDecimal> multipliers = new HashMap<>();
        jdbc.sql("select cell, multiplier from surge_cells").query((row, n) -> multipliers.put(
                new Cell(row.getString("cell")), row.getBigDecimal("multiplier"))).list();
        return multipliers;
    }

    @Override
    public BigDecimal multiplierAt(Cell cell) {
        return jdbc.sql("select multiplier from surge_cells where cell = :cell").param("cell", cell.address())
                .query(BigDecimal.class).optional().orElse(SurgePolicy.NONE);
    }

    @Override
    public void replace(Map<Cell, BigDecimal> multipliers, Instant computedAt) {
        jdbc.sql("delete from surge_cells").update();
        multipliers.forEach((cell, multiplier) -> {
            if (multiplier.compareTo(SurgePolicy.NONE) > 0) {
                jdbc.sql("insert into surge_cells (cell, multiplier, computed_at) values (:cell, :multiplier, :at)")
                        .param("cell", cell.address()).param("multiplier", multiplier).param("at", utc(computedAt))
                        .update();
            }
        });
    }

    @Override
    public void forgetDemandBefore(Instant before) {
        jdbc.sql("delete from demand_signals where at < :before").param("before", utc(before)).update();
    }

    @Override
    public void lockForRecalculation() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", RECALCULATION_LOCK).query().singleValue();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
