package dev.hailway.history.earnings.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.hailway.common.api.Money;
import dev.hailway.history.earnings.DailyEarnings;
import dev.hailway.history.earnings.DriverEarnings;
import dev.hailway.history.earnings.EarningsEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDriverEarnings implements DriverEarnings {

    private final JdbcClient jdbc;

    JdbcDriverEarnings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(EarningsEntry entry) {
        jdbc.sql("""
                        INSERT INTO driver_earnings_daily (driver_id, day, currency, trips, earnings)
                        VALUES (:driver, :day, :currency, :trips, :amount)
                        ON CONFLICT (driver_id, day, currency) DO UPDATE
                        SET trips = driver_earnings_daily.trips + EXCLUDED.trips,
                            earnings = driver_earnings_daily.earnings + EXCLUDED.earnings""")
                .param("driver", entry.driverId())
                .param("day", entry.day())
                .param("currency", entry.earnings().currency())
                .param("trips", entry.trips())
                .param("amount", entry.earnings().amount())
                .update();
    }

    @Override
    public List<DailyEarnings> between(UUID driverId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT day, currency, trips, earnings FROM driver_earnings_daily
                        WHERE driver_id = :driver AND day BETWEEN :from AND :to ORDER BY day, currency""")
                .param("driver", driverId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new DailyEarnings(rs.getObject("day", LocalDate.class), rs.getInt("trips"),
                        Money.of(rs.getLong("earnings"), rs.getString("currency"))))
                .list();
    }
}
