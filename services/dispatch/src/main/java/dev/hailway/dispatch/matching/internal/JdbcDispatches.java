package dev.hailway.dispatch.matching.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.dispatch.api.OfferView;
import dev.hailway.dispatch.matching.Dispatch;
import dev.hailway.dispatch.matching.DispatchStatus;
import dev.hailway.dispatch.matching.Dispatches;
import dev.hailway.dispatch.matching.DriverAlreadyAssigned;
import dev.hailway.dispatch.matching.DriverId;
import dev.hailway.dispatch.matching.Offer;
import dev.hailway.dispatch.matching.OfferId;
import dev.hailway.dispatch.matching.OfferNotFound;
import dev.hailway.dispatch.matching.OfferStatus;
import dev.hailway.dispatch.matching.TripId;
import dev.hailway.drivers.api.VehicleClass;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcDispatches implements Dispatches {

    private static final String DISPATCH_COLUMNS = """
            trip_id, rider_id, pickup_lat, pickup_lng, dropoff_lat, dropoff_lng, vehicle_class, fare_amount,
            fare_currency, status, offers_made, refusals, started_at, deadline""";
    private static final String OFFER_COLUMNS =
            "offer_id, trip_id, driver_id, distance_meters, status, made_at, expires_at";

    private final JdbcClient jdbc;

    JdbcDispatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean start(Dispatch dispatch) {
        return jdbc.sql("""
                        INSERT INTO dispatches (trip_id, rider_id, pickup_lat, pickup_lng, dropoff_lat, dropoff_lng,
                            vehicle_class, fare_amount, fare_currency, status, offers_made, refusals, started_at, deadline,
                            next_attempt_at)
                        VALUES (:trip, :rider, :pickupLat, :pickupLng, :dropoffLat, :dropoffLng, :vehicleClass, :amount,
                            :currency, :status, :offersMade, :refusals, :startedAt, :deadline, :startedAt)
                        ON CONFLICT (trip_id) DO NOTHING""")
                .param("trip", dispatch.tripId().value())
                .param("rider", dispatch.riderId())
                .param("pickupLat", dispatch.pickup().lat())
                .param("pickupLng", dispatch.pickup().lng())
                .param("dropoffLat", dispatch.dropoff().lat())
                .param("dropoffLng", dispatch.dropoff().lng())
                .param("vehicleClass", dispatch.vehicleClass() == null ? null : dispatch.vehicleClass().name())
                .param("amount", dispatch.fare().amount())
                .param("currency", dispatch.fare().currency())
                .param("status", dispatch.status().name())
                .param("offersMade", dispatch.offersMade())
                .param("refusals", dispatch.refusals())
                .param("startedAt", timestamp(dispatch.startedAt()))
                .param("deadline", timestamp(dispatch.deadline()))
                .update() == 1;
    }

    @Override
    public Optional<Dispatch> find(TripId tripId) {
        return jdbc.sql("SELECT " + DISPATCH_COLUMNS + " FROM dispatches WHERE trip_id = :trip")
                .param("trip", tripId.value()).query(JdbcDispatches::dispatch).optional();
    }

    @Override
    public Optional<Dispatch> lock(TripId tripId) {
        return jdbc.sql("SELECT " + DISPATCH_COLUMNS + " FROM dispatches WHERE trip_id = :trip FOR UPDATE")
                .param("trip", tripId.value()).query(JdbcDispatches::dispatch).optional();
    }

    @Override
    public boolean hasPendingOffer(TripId tripId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM offers WHERE trip_id = :trip AND status = 'PENDING')")
                .param("trip", tripId.value()).query(Boolean.class).single();
    }

    @Override
    public Set<DriverId> excluded(TripId tripId, Collection<DriverId> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        List<UUID> ids = candidates.stream().map(DriverId::value).toList();
        List<UUID> excluded = jdbc.sql("""
                        SELECT driver_id FROM offers WHERE trip_id = :trip AND driver_id IN (:ids)
                        UNION
                        SELECT driver_id FROM offers WHERE status = 'PENDING' AND driver_id IN (:ids)
                        UNION
                        SELECT driver_id FROM assignments WHERE live AND driver_id IN (:ids)""")
                .param("trip", tripId.value())
                .param("ids", ids)
                .query(UUID.class).list();
        Set<DriverId> result = new HashSet<>();
        excluded.forEach(id -> result.add(new DriverId(id)));
        return result;
    }

    @Override
    public void offerMade(Offer offer) {
        jdbc.sql("""
                        INSERT INTO offers (offer_id, trip_id, driver_id, distance_meters, status, made_at, expires_at)
                        VALUES (:id, :trip, :driver, :distance, :status, :madeAt, :expiresAt)""")
                .param("id", offer.id().value())
                .param("trip", offer.tripId().value())
                .param("driver", offer.driverId().value())
                .param("distance", offer.distanceMeters())
                .param("status", offer.status().name())
                .param("madeAt", timestamp(offer.madeAt()))
                .param("expiresAt", timestamp(offer.expiresAt()))
                .update();
        jdbc.sql("UPDATE dispatches SET offers_made = offers_made + 1, next_attempt_at = NULL WHERE trip_id = :trip")
                .param("trip", offer.tripId().value()).update();
    }

    @Override
    public void scheduleAttempt(TripId tripId, Instant at) {
        jdbc.sql("UPDATE dispatches SET next_attempt_at = :at WHERE trip_id = :trip AND status = 'MATCHING'")
                .param("at", timestamp(at)).param("trip", tripId.value()).update();
    }

    @Override
    public void changeStatus(TripId tripId, DispatchStatus status) {
        jdbc.sql("""
                        UPDATE dispatches SET status = :status,
                            next_attempt_at = CASE WHEN :status = 'MATCHING' THEN next_attempt_at END
                        WHERE trip_id = :trip""")
                .param("status", status.name()).param("trip", tripId.value()).update();
    }

    @Override
    public Optional<Offer> findOffer(OfferId offerId) {
        return jdbc.sql("SELECT " + OFFER_COLUMNS + " FROM offers WHERE offer_id = :id")
                .param("id", offerId.value()).query(JdbcDispatches::offer).optional();
    }

    @Override
    public boolean closeOffer(OfferId offerId, OfferStatus outcome, Instant at) {
        return jdbc.sql("""
                        UPDATE offers SET status = :outcome, answered_at = :at
                        WHERE offer_id = :id AND status = 'PENDING'""")
                .param("outcome", outcome.name()).param("at", timestamp(at)).param("id", offerId.value())
                .update() == 1;
    }

    @Override
    public void countRefusal(TripId tripId, Instant nextAttempt) {
        jdbc.sql("""
                        UPDATE dispatches SET refusals = refusals + 1,
                            next_attempt_at = CASE WHEN status = 'MATCHING' THEN CAST(:at AS timestamptz) END
                        WHERE trip_id = :trip""")
                .param("at", timestamp(nextAttempt)).param("trip", tripId.value()).update();
    }

    @Override
    public List<Offer> expiredPendingOffers(Instant now, int limit) {
        return jdbc.sql("SELECT " + OFFER_COLUMNS
                        + " FROM offers WHERE status = 'PENDING' AND expires_at <= :now ORDER BY expires_at LIMIT :limit")
                .param("now", timestamp(now)).param("limit", limit).query(JdbcDispatches::offer).list();
    }

    @Override
    public List<TripId> dueForAttempt(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT trip_id FROM dispatches WHERE status = 'MATCHING' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at LIMIT :limit""")
                .param("now", timestamp(now)).param("limit", limit).query(UUID.class).list()
                .stream().map(TripId::new).toList();
    }

    @Override
    public void assign(TripId tripId, DriverId driverId, OfferId offerId, Instant at) {
        try {
            jdbc.sql("""
                            INSERT INTO assignments (trip_id, driver_id, offer_id, live, assigned_at)
                            VALUES (:trip, :driver, :offer, true, :at)""")
                    .param("trip", tripId.value()).param("driver", driverId.value()).param("offer", offerId.value())
                    .param("at", timestamp(at)).update();
        } catch (DuplicateKeyException e) {
            // assignments_one_live_trip_per_driver or the trip's primary key: the database is the last word.
            throw new DriverAlreadyAssigned(driverId, tripId);
        }
    }

    @Override
    public int withdrawPendingOffers(TripId tripId, Instant at) {
        return jdbc.sql("""
                        UPDATE offers SET status = 'WITHDRAWN', answered_at = :at
                        WHERE trip_id = :trip AND status = 'PENDING'""")
                .param("at", timestamp(at)).param("trip", tripId.value()).update();
    }

    @Override
    public boolean releaseAssignment(TripId tripId, Instant at) {
        return jdbc.sql("UPDATE assignments SET live = false, released_at = :at WHERE trip_id = :trip AND live")
                .param("at", timestamp(at)).param("trip", tripId.value()).update() == 1;
    }

    @Override
    public List<OfferView> openOffersOf(DriverId driverId, Instant now) {
        return jdbc.sql(VIEW + " WHERE o.driver_id = :driver AND o.status = 'PENDING' AND o.expires_at > :now"
                        + " ORDER BY o.made_at")
                .param("driver", driverId.value()).param("now", timestamp(now)).query(JdbcDispatches::view).list();
    }

    @Override
    public OfferView view(OfferId offerId) {
        return jdbc.sql(VIEW + " WHERE o.offer_id = :id").param("id", offerId.value()).query(JdbcDispatches::view)
                .optional().orElseThrow(() -> new OfferNotFound(offerId));
    }

    private static final String VIEW = """
            SELECT o.offer_id, o.trip_id, d.pickup_lat, d.pickup_lng, d.dropoff_lat, d.dropoff_lng, d.fare_amount,
                d.fare_currency, o.distance_meters, o.status, o.expires_at
            FROM offers o JOIN dispatches d ON d.trip_id = o.trip_id""";

    private static OfferView view(ResultSet rs, int row) throws SQLException {
        return new OfferView(rs.getObject("offer_id", UUID.class), rs.getObject("trip_id", UUID.class),
                new GeoPoint(rs.getDouble("pickup_lat"), rs.getDouble("pickup_lng")),
                new GeoPoint(rs.getDouble("dropoff_lat"), rs.getDouble("dropoff_lng")),
                Money.of(rs.getLong("fare_amount"), rs.getString("fare_currency")),
                rs.getLong("distance_meters"), rs.getString("status"), instant(rs, "expires_at"));
    }

    private static Dispatch dispatch(ResultSet rs, int row) throws SQLException {
        String vehicleClass = rs.getString("vehicle_class");
        return new Dispatch(new TripId(rs.getObject("trip_id", UUID.class)), rs.getObject("rider_id", UUID.class),
                new GeoPoint(rs.getDouble("pickup_lat"), rs.getDouble("pickup_lng")),
                new GeoPoint(rs.getDouble("dropoff_lat"), rs.getDouble("dropoff_lng")),
                vehicleClass == null ? null : VehicleClass.valueOf(vehicleClass),
                Money.of(rs.getLong("fare_amount"), rs.getString("fare_currency")),
                DispatchStatus.valueOf(rs.getString("status")), rs.getInt("offers_made"), rs.getInt("refusals"),
                instant(rs, "started_at"), instant(rs, "deadline"));
    }

    private static Offer offer(ResultSet rs, int row) throws SQLException {
        return new Offer(new OfferId(rs.getObject("offer_id", UUID.class)),
                new TripId(rs.getObject("trip_id", UUID.class)), new DriverId(rs.getObject("driver_id", UUID.class)),
                rs.getLong("distance_meters"), OfferStatus.valueOf(rs.getString("status")),
                instant(rs, "made_at"), instant(rs, "expires_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
