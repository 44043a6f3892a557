package dev.hailway.pricing.fares.internal;

import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.pricing.fares.FareRule;
import dev.hailway.pricing.fares.FareRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcFareRules implements FareRules {

    private final JdbcClient jdbc;

    JdbcFareRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<FareRule> of(VehicleClass vehicleClass) {
        return jdbc.sql("select * from fare_rules where vehicle_class = :class")
                .param("class", vehicleClass.name()).query(JdbcFareRules::map).optional();
    }

    @Override
    public List<FareRule> all() {
        return jdbc.sql("select * from fare_rules order by vehicle_class").query(JdbcFareRules::map).list();
    }

    @Override
    public void replace(FareRule rule) {
        jdbc.sql("""
                insert into fare_rules (vehicle_class, currency, base_amount, per_km_amount, per_minute_amount, updated_at)
                values (:class, :currency, :base, :perKm, :perMinute, now())
                on conflict (vehicle_class) do update set currency = excluded.currency,
                    base_amount = excluded.base_amount, per_km_amount = excluded.per_km_amount,
                    per_minute_amount = excluded.per_minute_amount, updated_at = excluded.updated_at
                """)
                .param("class", rule.vehicleClass().name())
                .param("currency", rule.currency())
                .param("base", rule.base().amount())
                .param("perKm", rule.perKilometre().amount())
                .param("perMinute", rule.perMinute().amount())
                .update();
    }

    private static FareRule map(ResultSet row, int rowNum) throws SQLException {
        String currency = row.getString("currency");
        return new FareRule(VehicleClass.valueOf(row.getString("vehicle_class")),
                Money.of(row.getLong("base_amount"), currency),
                Money.of(row.getLong("per_km_amount"), currency),
                Money.of(row.getLong("per_minute_amount"), currency));
    }
}
