package dev.hailway.location.availability.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.location.availability.AvailabilityStore;
import dev.hailway.location.index.Availability;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcAvailabilityStore implements AvailabilityStore {

    private final JdbcClient jdbc;

    JdbcAvailabilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void online(UUID driver, VehicleClass vehicleClass, Instant at) {
        jdbc.sql("""
                        insert into driver_shifts (driver_id, vehicle_class, online, updated_at)
                        values (:driver, :vehicleClass, true, :at)
                        on conflict (driver_id) do update
                          set vehicle_class = excluded.vehicle_class, online = true, updated_at = excluded.updated_at""")
                .param("driver", driver).param("vehicleClass", vehicleClass.name()).param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public void offline(UUID driver, Instant at) {
        jdbc.sql("update driver_shifts set online = false, updated_at = :at where driver_id = :driver")
                .param("driver", driver).param("at", Timestamp.from(at)).update();
    }

    @Override
    public void assign(UUID trip, UUID driver, Instant at) {
        jdbc.sql("""
                        insert into busy_trips (trip_id, driver_id, assigned_at) values (:trip, :driver, :at)
                        on conflict (trip_id) do nothing""")
                .param("trip", trip).param("driver", driver).param("at", Timestamp.from(at)).update();
    }

    @Override
    public Optional<UUID> release(UUID trip) {
        return jdbc.sql("delete from busy_trips where trip_id = :trip returning driver_id")
                .param("trip", trip).query(UUID.class).optional();
    }

    @Override
    public Availability load(UUID driver) {
        boolean busy = jdbc.sql("select exists (select 1 from busy_trips where driver_id = :driver)")
                .param("driver", driver).query(Boolean.class).single();
        return jdbc.sql("select vehicle_class, online from driver_shifts where driver_id = :driver")
                .param("driver", driver)
                .query((rs, row) -> new Availability(VehicleClass.valueOf(rs.getString("vehicle_class")),
                        rs.getBoolean("online"), busy))
                .optional()
                .orElse(new Availability(null, false, busy));
    }

    @Override
    public Map<UUID, Availability> loadAll() {
        Set<UUID> busy = new HashSet<>(jdbc.sql("select distinct driver_id from busy_trips").query(UUID.class).list());
        Map<UUID, Availability> all = new HashMap<>();
        jdbc.sql("select driver_id, vehicle_class, online from driver_shifts").query(rs -> {
            UUID driver = rs.getObject("driver_id", UUID.class);
            all.put(driver, new Availability(VehicleClass.valueOf(rs.getString("vehicle_class")),
                    rs.getBoolean("online"), busy.contains(driver)));
        });
        busy.stream().filter(driver -> !all.containsKey(driver))
                .forEach(driver -> all.put(driver, new Availability(null, false, true)));
        return all;
    }
}
