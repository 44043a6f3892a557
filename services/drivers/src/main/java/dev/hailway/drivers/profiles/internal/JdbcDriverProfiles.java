package dev.hailway.drivers.profiles.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.drivers.profiles.DriverId;
import dev.hailway.drivers.profiles.DriverProfile;
import dev.hailway.drivers.profiles.DriverProfiles;
import dev.hailway.drivers.profiles.Rating;
import dev.hailway.drivers.profiles.ShiftState;
import dev.hailway.drivers.profiles.Vehicle;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcDriverProfiles implements DriverProfiles {

    private final JdbcClient jdbc;

    JdbcDriverProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void createIfAbsent(DriverId id, Instant at) {
        jdbc.sql("""
                        insert into drivers (id, shift, rating, created_at, updated_at)
                        values (:id, 'OFFLINE', 5.00, :at, :at)
                        on conflict (id) do nothing""")
                .param("id", id.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public DriverProfile lock(DriverId id) {
        return jdbc.sql("select * from drivers where id = :id for update")
                .param("id", id.value())
                .query((rs, row) -> profile(rs))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no profile for " + id + "; createIfAbsent first"));
    }

    @Override
    public void save(DriverProfile profile, Instant at) {
        Vehicle vehicle = profile.vehicle();
        jdbc.sql("""
                        update drivers set plate = :plate, model = :model, vehicle_class = :vehicleClass,
                          shift = :shift, rating = :rating, updated_at = :at
                        where id = :id""")
                .param("id", profile.id().value())
                .param("plate", vehicle == null ? null : vehicle.plate())
                .param("model", vehicle == null ? null : vehicle.model())
                .param("vehicleClass", vehicle == null ? null : vehicle.vehicleClass().name())
                .param("shift", profile.shift().name())
                .param("rating", BigDecimal.valueOf(profile.rating().value()))
                .param("at", Timestamp.from(at))
                .update();
    }

    private static DriverProfile profile(ResultSet rs) throws SQLException {
        String vehicleClass = rs.getString("vehicle_class");
        Vehicle vehicle = vehicleClass == null ? null
                : new Vehicle(rs.getString("plate"), rs.getString("model"), VehicleClass.valueOf(vehicleClass));
        return new DriverProfile(new DriverId(rs.getObject("id", UUID.class)), vehicle,
                ShiftState.valueOf(rs.getString("shift")), new Rating(rs.getBigDecimal("rating").doubleValue()),
                rs.getTimestamp("created_at").toInstant());
    }
}
