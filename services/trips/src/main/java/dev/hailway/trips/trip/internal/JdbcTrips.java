package dev.hailway.trips.trip.internal;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.trip.Decision;
import dev.hailway.trips.trip.DriverId;
import dev.hailway.trips.trip.ListPosition;
import dev.hailway.trips.trip.QuoteId;
import dev.hailway.trips.trip.RiderId;
import dev.hailway.trips.trip.Trip;
import dev.hailway.trips.trip.TripId;
import dev.hailway.trips.trip.TripState;
import dev.hailway.trips.trip.Trips;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcTrips implements Trips {

    private final JdbcClient jdbc;

    JdbcTrips(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(Decision.Move requested) {
        Trip trip = requested.after();
        // ON CONFLICT instead of catching the unique violation: a failed statement would abort the whole transaction.
        int inserted = jdbc.sql("""
                insert into trips (id, rider_id, quote_id, payment_method_id, pickup_lat, pickup_lng, dropoff_lat,
                                   dropoff_lng, vehicle_class, fare_amount, fare_currency, status, requested_at, updated_at)
                values (:id, :rider, :quote, :paymentMethod, :pickupLat, :pickupLng, :dropoffLat, :dropoffLng,
                        :vehicleClass, :fareAmount, :fareCurrency, :status, :requestedAt, :updatedAt)
                on conflict (quote_id) do nothing
                """)
                .param("id", trip.id().value())
                .param("rider", trip.riderId().value())
                .param("quote", trip.quoteId().value())
                .param("paymentMethod", trip.paymentMethodId())
                .param("pickupLat", trip.pickup().lat())
                .param("pickupLng", trip.pickup().lng())
                .param("dropoffLat", trip.dropoff().lat())
                .param("dropoffLng", trip.dropoff().lng())
                .param("vehicleClass", trip.vehicleClass().name())
                .param("fareAmount", trip.fare().amount())
                .param("fareCurrency", trip.fare().currency())
                .param("status", trip.status().name())
                .param("requestedAt", timestamp(trip.requestedAt()))
                .param("updatedAt", timestamp(trip.updatedAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        history(trip.id(), null, trip.status(), requested.cause(), trip.updatedAt());
        return true;
    }

    @Override
    public Optional<Trip> find(TripId id) {
        return jdbc.sql("select * from trips where id = :id").param("id", id.value()).query(JdbcTrips::map).optional();
    }

    @Override
    public Optional<Trip> lock(TripId id) {
        return jdbc.sql("select * from trips where id = :id for update").param("id", id.value())
                .query(JdbcTrips::map).optional();
    }

    @Override
    public void save(Decision.Move move) {
        Trip trip = move.after();
        var row = new StateColumns(trip.state());
        int updated = jdbc.sql("""
                update trips set status = :status, driver_id = :driver, authorization_id = coalesce(:authorization, authorization_id),
                                 cancellation_reason = :reason, cancelled_in = :cancelledIn, cancellation_fee = :fee,
                                 driver_earnings = :earnings, updated_at = :updatedAt
                where id = :id
                """)
                .param("id", trip.id().value())
                .param("status", trip.status().name())
                .param("driver", row.driver)
                .param("authorization", row.authorization)
                .param("reason", row.reason)
                .param("cancelledIn", row.cancelledIn)
                .param("fee", row.fee)
                .param("earnings", row.earnings)
                .param("updatedAt", timestamp(trip.updatedAt()))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("trip " + trip.id() + " vanished while it was changed");
        }
        history(trip.id(), move.before().status(), trip.status(), move.cause(), trip.updatedAt());
    }

    @Override
    public List<TripId> waitingSince(TripStatus status, Instant cutoff, int limit) {
        return jdbc.sql("""
                select id from trips where status = :status and updated_at <= :cutoff order by updated_at limit :limit
                """)
                .param("status", status.name())
                .param("cutoff", timestamp(cutoff))
                .param("limit", limit)
                .query((row, n) -> new TripId(row.getObject("id", UUID.class)))
                .list();
    }

    @Override
    public List<TripId> flagCaptureOverdue(Instant cutoff, Instant now) {
        return jdbc.sql("""
                update trips set capture_overdue_at = :now
                where status = 'COMPLETED' and updated_at <= :cutoff and capture_overdue_at is null
                returning id
                """)
                .param("now", timestamp(now))
                .param("cutoff", timestamp(cutoff))
                .query((row, n) -> new TripId(row.getObject("id", UUID.class)))
                .list();
    }

    @Override
    public List<Trip> recentlyChanged(@Nullable TripStatus status, @Nullable ListPosition after, int limit) {
        // Keyset paging on (updated_at, id), which is unique and ordered. The conditions are put together here
        // rather than as "(:x is null or ...)", which would keep a prepared plan off the indexes.
        List<String> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add("status = :status");
        }
        if (after != null) {
            conditions.add("(updated_at, id) < (:afterUpdatedAt, :afterId)");
        }
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
        var query = jdbc.sql("select * from trips " + where + " order by updated_at desc, id desc limit :limit")
                .param("limit", limit);
        if (status != null) {
            query = query.param("status", status.name());
        }
        if (after != null) {
            query = query.param("afterUpdatedAt", timestamp(after.updatedAt())).param("afterId", after.id().value());
        }
        return query.query(JdbcTrips::map).list();
    }

    @Override
    public Map<TripStatus, Long> countActiveByStatus() {
        Map<TripStatus, Long> counts = new EnumMap<>(TripStatus.class);
        Arrays.stream(TripStatus.values()).filter(status -> !status.isTerminal())
                .forEach(status -> counts.put(status, 0L));
        jdbc.sql("select status, count(*) as n from trips where status not in ('PAID', 'CANCELLED') group by status")
                .query((row, n) -> Map.entry(TripStatus.valueOf(row.getString("status")), row.getLong("n")))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    private void history(TripId trip, TripStatus from, TripStatus to, String cause, Instant at) {
        jdbc.sql("""
                insert into trip_history (trip_id, from_status, to_status, cause, at)
                values (:trip, :from, :to, :cause, :at)
                """)
                .param("trip", trip.value())
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("cause", cause.length() > 200 ? cause.substring(0, 200) : cause)
                .param("at", timestamp(at))
                .update();
    }

    /** The columns a state fills; the others are null. */
    private static final class StateColumns {
        UUID driver;
        UUID authorization;
        String reason;
        String cancelledIn;
        Long fee;
        Long earnings;

        StateColumns(TripState state) {
            DriverId driverId = state.driver();
            driver = driverId == null ? null : driverId.value();
            switch (state) {
                case TripState.PaymentAuthorized p -> authorization = p.authorizationId();
                case TripState.Paid p -> earnings = p.driverEarnings().amount();
                case TripState.Cancelled c -> {
                    reason = c.reason().name();
                    cancelledIn = c.cancelledIn().name();
                    fee = c.fee().amount();
                }
                case TripState.Requested r -> {
                }
                case TripState.DriverAssigned d -> {
                }
                case TripState.DriverArrived d -> {
                }
                case TripState.InProgress i -> {
                }
                case TripState.Completed c -> {
                }
            }
        }
    }

    private static Trip map(ResultSet row, int rowNum) throws SQLException {
        String currency = row.getString("fare_currency");
        return new Trip(new TripId(row.getObject("id", UUID.class)), new RiderId(row.getObject("rider_id", UUID.class)),
                new QuoteId(row.getObject("quote_id", UUID.class)), row.getObject("payment_method_id", UUID.class),
                new GeoPoint(row.getDouble("pickup_lat"), row.getDouble("pickup_lng")),
                new GeoPoint(row.getDouble("dropoff_lat"), row.getDouble("dropoff_lng")),
                VehicleClass.valueOf(row.getString("vehicle_class")), new Money(row.getLong("fare_amount"), currency),
                instant(row, "requested_at"), state(row, currency), instant(row, "updated_at"));
    }

    private static TripState state(ResultSet row, String currency) throws SQLException {
        UUID driverId = row.getObject("driver_id", UUID.class);
        DriverId driver = driverId == null ? null : new DriverId(driverId);
        return switch (TripStatus.valueOf(row.getString("status"))) {
            case REQUESTED -> new TripState.Requested();
            case PAYMENT_AUTHORIZED -> new TripState.PaymentAuthorized(row.getObject("authorization_id", UUID.class));
            case DRIVER_ASSIGNED -> new TripState.DriverAssigned(driver);
            case DRIVER_ARRIVED -> new TripState.DriverArrived(driver);
            case IN_PROGRESS -> new TripState.InProgress(driver);
            case COMPLETED -> new TripState.Completed(driver);
            case PAID -> new TripState.Paid(driver, new Money(row.getLong("driver_earnings"), currency));
            case CANCELLED -> new TripState.Cancelled(CancellationReason.valueOf(row.getString("cancellation_reason")),
                    TripStatus.valueOf(row.getString("cancelled_in")), driver,
                    new Money(row.getLong("cancellation_fee"), currency));
        };
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
