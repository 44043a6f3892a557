package dev.hailway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.uber.h3core.H3Core;
import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.dispatch.api.DispatchTopics;
import dev.hailway.dispatch.api.DriverAssigned;
import dev.hailway.dispatch.api.OfferMade;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.history.support.HistoryItSupport;
import dev.hailway.platform.testing.TestTokens;
import dev.hailway.payments.api.CancellationFeeCharged;
import dev.hailway.payments.api.PaymentCaptured;
import dev.hailway.payments.api.PaymentTopics;
import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripDispatchRequested;
import dev.hailway.trips.api.TripDriverAssigned;
import dev.hailway.trips.api.TripPaid;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.api.TripTopics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ReadModelsIT extends HistoryItSupport {

    static final GeoPoint GANGNAM = new GeoPoint(37.4979, 127.0276);
    static final GeoPoint CITY_HALL = new GeoPoint(37.5665, 126.9780);
    // 2026-11-25 in Seoul: 10:00 KST.
    static final Instant MORNING = Instant.parse("2026-11-25T01:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Test
    void tripEventsBecomeTheRidersHistoryNewestFirst() {
        UUID rider = UUID.randomUUID();
        UUID driver = UUID.randomUUID();
        UUID paid = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();

        rideToPayment(paid, rider, driver, MORNING);
        publish(TripTopics.TRIPS, cancelled, requested(cancelled, rider, MORNING.plusSeconds(3_600)));
        publish(TripTopics.TRIPS, cancelled, new TripCancelled(cancelled, rider, null, CancellationReason.NO_DRIVER,
                TripStatus.PAYMENT_AUTHORIZED, Money.zero("KRW"), MORNING.plusSeconds(3_700)));

        String token = TestTokens.forAccount(rider, "RIDER");
        JsonNode page = await().atMost(TIMEOUT).until(() -> json(get("/api/history/trips", token)),
                body -> body.path("total").asLong() == 2
                        && "CANCELLED".equals(body.path("trips").path(0).path("status").asString())
                        && "PAID".equals(body.path("trips").path(1).path("status").asString()));

        JsonNode newest = page.path("trips").path(0);
        assertThat(newest.path("tripId").asString()).isEqualTo(cancelled.toString());
        assertThat(newest.path("reason").asString()).isEqualTo("NO_DRIVER");
        JsonNode older = page.path("trips").path(1);
        assertThat(older.path("tripId").asString()).isEqualTo(paid.toString());
        assertThat(older.path("driverId").asString()).isEqualTo(driver.toString());
        assertThat(older.path("fare").path("amount").asLong()).isEqualTo(18_000);
        assertThat(older.path("pickup").path("lat").asDouble()).isEqualTo(GANGNAM.lat());
        assertThat(Instant.parse(older.path("assignedAt").asString())).isEqualTo(MORNING.plusSeconds(45));
        assertThat(Instant.parse(older.path("finishedAt").asString())).isEqualTo(MORNING.plusSeconds(2_000));

        JsonNode firstPage = json(get("/api/history/trips?page=0&size=1", token));
        assertThat(firstPage.path("trips")).hasSize(1);
        assertThat(firstPage.path("trips").path(0).path("tripId").asString()).isEqualTo(cancelled.toString());
        JsonNode secondPage = json(get("/api/history/trips?page=1&size=1", token));
        assertThat(secondPage.path("trips").path(0).path("tripId").asString()).isEqualTo(paid.toString());
    }

    @Test
    void paymentsBecomeTheDriversEarningsByKoreanDay() {
        UUID driver = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        publish(PaymentTopics.PAYMENTS, first, captured(first, driver, 12_000, MORNING));
        publish(PaymentTopics.PAYMENTS, second, new CancellationFeeCharged(second, UUID.randomUUID(), driver,
                Money.of(3_000, "KRW"), Money.of(2_500, "KRW"), MORNING.plusSeconds(600)));
        // 23:30 KST on the 25th is still the 25th; 00:30 KST is the 26th.
        publish(PaymentTopics.PAYMENTS, third, captured(third, driver, 9_000, Instant.parse("2026-11-25T15:30:00Z")));

        String token = TestTokens.forAccount(driver, "DRIVER");
        JsonNode report = await().atMost(TIMEOUT).until(
                () -> json(get("/api/history/earnings?from=2026-11-20&to=2026-11-30", token)),
                body -> body.path("trips").asInt() == 2);

        assertThat(report.path("days")).hasSize(2);
        assertThat(report.path("days").path(0).path("day").asString()).isEqualTo("2026-11-25");
        assertThat(report.path("days").path(0).path("trips").asInt()).isEqualTo(1);
        assertThat(report.path("days").path(0).path("earnings").path("amount").asLong()).isEqualTo(14_500);
        assertThat(report.path("days").path(1).path("day").asString()).isEqualTo("2026-11-26");
        assertThat(report.path("days").path(1).path("earnings").path("amount").asLong()).isEqualTo(9_000);
        assertThat(report.path("totals").path(0).path("amount").asLong()).isEqualTo(23_500);

        JsonNode narrower = json(get("/api/history/earnings?from=2026-11-26&to=2026-11-26", token));
        assertThat(narrower.path("days")).hasSize(1);
        assertThat(narrower.path("trips").asInt()).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID driver = UUID.randomUUID();
        UUID trip = UUID.randomUUID();
        EventEnvelope payment = EventEnvelope.wrap(trip.toString(), captured(trip, driver, 10_000, MORNING),
                Instant.now(), null, mapper);
        EventEnvelope marker = EventEnvelope.wrap(trip.toString(), captured(trip, driver, 1, MORNING),
                Instant.now(), null, mapper);

        publish(PaymentTopics.PAYMENTS, payment);
        publish(PaymentTopics.PAYMENTS, payment);
        publish(PaymentTopics.PAYMENTS, marker);

        // Same key, same partition, in order: once the marker counts, the redelivery has been handled.
        String token = TestTokens.forAccount(driver, "DRIVER");
        JsonNode report = await().atMost(TIMEOUT).until(
                () -> json(get("/api/history/earnings?from=2026-11-25&to=2026-11-25", token)),
                body -> body.path("trips").asInt() >= 2);
        assertThat(report.path("trips").asInt()).isEqualTo(2);
        assertThat(report.path("totals").path(0).path("amount").asLong()).isEqualTo(10_001);
        assertThat(jdbc.sql("SELECT count(*) FROM inbox WHERE event_id = :id").param("id", payment.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void operatorsSeeStatusesAssignmentTimesBusyCellsAndDispatchOutcomes() throws Exception {
        UUID rider = UUID.randomUUID();
        UUID driver = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            UUID trip = UUID.randomUUID();
            rideToPayment(trip, rider, driver, MORNING.plusSeconds(i * 10_000L));
            publish(DispatchTopics.OFFERS, trip, new OfferMade(UUID.randomUUID(), trip, driver, GANGNAM, CITY_HALL,
                    Money.of(18_000, "KRW"), 5_000, MORNING.plusSeconds(60), MORNING));
            publish(DispatchTopics.OFFERS, trip, new DriverAssigned(trip, driver, UUID.randomUUID(), MORNING));
        }
        String gangnam = H3Core.newInstance().latLngToCellAddress(GANGNAM.lat(), GANGNAM.lng(), 7);

        String token = TestTokens.forAccount(UUID.randomUUID(), "OPERATOR");
        JsonNode stats = await().atMost(TIMEOUT).until(() -> json(get("/api/ops/stats?top=5", token)),
                body -> body.path("tripsByStatus").path("PAID").asLong() >= 3
                        && body.path("dispatchOutcomes").path("DRIVER_ASSIGNED").asLong() >= 3);

        assertThat(stats.path("assignment").path("trips").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(stats.path("assignment").path("maxMillis").asLong()).isGreaterThanOrEqualTo(45_000);
        assertThat(stats.path("dispatchOutcomes").path("OFFER_MADE").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(stats.path("topPickupCells").path(0).path("cell").asString()).isEqualTo(gangnam);
    }

    @Test
    void aCachedAnswerIsEvictedWhenAnEventChangesItsRowsAndHitsAreMeasured() {
        UUID rider = UUID.randomUUID();
        UUID trip = UUID.randomUUID();
        publish(TripTopics.TRIPS, trip, requested(trip, rider, MORNING));
        String token = TestTokens.forAccount(rider, "RIDER");
        await().atMost(TIMEOUT).until(() -> json(get("/api/history/trips", token)).path("total").asLong() == 1);
        get("/api/history/trips", token);

        publish(TripTopics.TRIPS, trip, new TripDriverAssigned(trip, rider, UUID.randomUUID(), MORNING.plusSeconds(30)));

        await().atMost(TIMEOUT).until(() -> "DRIVER_ASSIGNED".equals(
                json(get("/api/history/trips", token)).path("trips").path(0).path("status").asString()));
        String metrics = get("/actuator/prometheus", null).body();
        assertThat(metrics).containsPattern("cache_gets_total\\{[^}]*cache=\"rider-trips\"[^}]*result=\"hit\"[^}]*} [1-9]");
    }

    private void rideToPayment(UUID trip, UUID rider, UUID driver, Instant at) {
        publish(TripTopics.TRIPS, trip, requested(trip, rider, at));
        publish(TripTopics.TRIPS, trip, new TripDispatchRequested(trip, rider, GANGNAM, CITY_HALL, VehicleClass.STANDARD,
                Money.of(18_000, "KRW"), at.plusSeconds(2)));
        publish(TripTopics.TRIPS, trip, new TripDriverAssigned(trip, rider, driver, at.plusSeconds(45)));
        publish(TripTopics.TRIPS, trip, new TripPaid(trip, rider, driver, Money.of(18_000, "KRW"),
                Money.of(14_400, "KRW"), at.plusSeconds(2_000)));
    }

    static TripRequested requested(UUID trip, UUID rider, Instant at) {
        return new TripRequested(trip, rider, UUID.randomUUID(), GANGNAM, CITY_HALL, VehicleClass.STANDARD,
                Money.of(18_000, "KRW"), UUID.randomUUID(), at);
    }

    static PaymentCaptured captured(UUID trip, UUID driver, long earnings, Instant at) {
        return new PaymentCaptured(trip, UUID.randomUUID(), driver, Money.of(earnings + 1_000, "KRW"),
                Money.of(1_000, "KRW"), Money.of(earnings, "KRW"), at);
    }
}
