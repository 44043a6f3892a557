package dev.hailway.history.trips.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.history.trips.RiderTrip;
import dev.hailway.history.trips.RiderTrips;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRiderTrips implements RiderTrips {

    private final JdbcClient jdbc;

    JdbcRiderTrips(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RiderTrip> find(UUID tripId) {
        return jdbc.sql("SELECT * FROM rider_trips WHERE trip_id = :id").param("id", tripId)
                .query(JdbcRiderTrips::row).optional();
    }

    @Override
    public void save(RiderTrip trip) {
        jdbc.sql("""
                        INSERT INTO rider_trips (trip_id, rider_id, driver_id, status, reason, pickup_lat, pickup_lng,
                            dropoff_lat, dropoff_lng, fare_amount, fare_currency, requested_at, assigned_at, finished_at)
                        VALUES (:trip, :rider, :driver, :status, :reason, :pickupLat, :pickupLng, :dropoffLat, :dropoffLng,
                            :fare, :currency, :requestedAt, :assignedAt, :finishedAt)
                        ON CONFLICT (trip_id) DO UPDATE SET driver_id = EXCLUDED.driver_id, status = EXCLUDED.status,
                            reason = EXCLUDED.reason, pickup_lat = EXCLUDED.pickup_lat, pickup_lng = EXCLUDED.pickup_lng,
                            dropoff_lat = EXCLUDED.dropoff_lat, dropoff_lng = EXCLUDED.dropoff_lng,
                            fare_amount = EXCLUDED.fare_amount, fare_currency = EXCLUDED.fare_currency,
                            requested_at = EXCLUDED.requested_at, assigned_at = EXCLUDED.assigned_at,
                            finished_at = EXCLUDED.finished_at""")
                .param("trip", trip.tripId())
                .param("rider", trip.riderId())
                .param("driver", trip.driverId())
                .param("status", trip.status().name())
                .param("reason", trip.reason() == null ? null : trip.reason().name())
                .param("pickupLat", trip.pickup() == null ? null : trip.pickup().lat())
                .param("pickupLng", trip.pickup() == null ? null : trip.pickup().lng())
                .param("dropoffLat", trip.dropoff() == null ? null : trip.dropoff().lat())
                .param("dropoffLng", trip.dropoff() == null ? null : trip.dropoff().lng())
                .param("fare", trip.fare() == null ? null : trip.fare().amount())
                .param("currency", trip.fare() == null ? null : trip.fare().currency())
                .param("requestedAt", timestamp(trip.requestedAt()))
                .param("assignedAt", timestamp(trip.assignedAt()))
                .param("finishedAt", timestamp(trip.finishedAt()))
                .update();
    }

    @Override
    public List<RiderTrip> ofRider(UUID riderId, int page, int size) {
        return jdbc.sql("""
                        SELECT * FROM rider_trips WHERE rider_id = :rider
                        ORDER BY requested_at DESC NULLS LAST, trip_id LIMIT :size OFFSET :offset""")
                .param("rider", riderId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(JdbcRiderTrips::row).list();
    }

    @Override
    public long countOfRider(UUID riderId) {
        return jdbc.sql("SELECT count(*) FROM rider_trips WHERE rider_id = :rider").param("rider", riderId)
                .query(Long.class).single();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static GeoPoint point(ResultSet rs, String prefix) throws SQLException {
        double lat = rs.getDouble(prefix + "_lat");
        if (rs.wasNull()) {
            return null;
        }
        return new GeoPoint(lat, rs.getDouble(prefix + "_lng"));
    }

    static RiderTrip row(ResultSet rs, int rowNum) throws SQLException {
        long fare = rs.getLong("fare_amount");
        Money money = rs.wasNull() ? null : Money.of(fare, rs.getString("fare_currency"));
        String reason = rs.getString("reason");
        return new RiderTrip(
                rs.getObject("trip_id", UUID.class),
                rs.getObject("rider_id", UUID.class),
                rs.getObject("driver_id", UUID.class),
                TripStatus.valueOf(rs.getString("status")),
                reason == null ? null : CancellationReason.valueOf(reason),
                point(rs, "pickup"),
                point(rs, "dropoff"),
                money,
                instant(rs, "requested_at"),
                instant(rs, "assigned_at"),
                instant(rs, "finished_at"));
    }
}
