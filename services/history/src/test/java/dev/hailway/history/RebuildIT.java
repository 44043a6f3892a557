package dev.hailway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hailway.common.api.Money;
import dev.hailway.dispatch.api.DispatchTopics;
import dev.hailway.dispatch.api.OfferDeclined;
import dev.hailway.history.support.HistoryItSupport;
import dev.hailway.platform.testing.TestTokens;
import dev.hailway.payments.api.PaymentCaptured;
import dev.hailway.payments.api.PaymentTopics;
import dev.hailway.trips.api.TripDriverAssigned;
import dev.hailway.trips.api.TripPaid;
import dev.hailway.trips.api.TripTopics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class RebuildIT extends HistoryItSupport {

    static final Instant AT = Instant.parse("2026-11-24T05:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Test
    void rebuildingFromTheTopicsGivesBackTheSameReadModels() {
        UUID rider = UUID.randomUUID();
        UUID driver = UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            UUID trip = UUID.randomUUID();
            Instant at = AT.plusSeconds(i * 3_600L);
            publish(TripTopics.TRIPS, trip, ReadModelsIT.requested(trip, rider, at));
            publish(TripTopics.TRIPS, trip, new TripDriverAssigned(trip, rider, driver, at.plusSeconds(20 + i)));
            publish(TripTopics.TRIPS, trip, new TripPaid(trip, rider, driver, Money.of(18_000, "KRW"),
                    Money.of(14_400, "KRW"), at.plusSeconds(1_500)));
            publish(PaymentTopics.PAYMENTS, trip, new PaymentCaptured(trip, rider, driver, Money.of(18_000, "KRW"),
                    Money.of(3_600, "KRW"), Money.of(14_400, "KRW"), at.plusSeconds(1_500)));
            publish(DispatchTopics.OFFERS, trip, new OfferDeclined(UUID.randomUUID(), trip, UUID.randomUUID(), at));
        }
        String driverToken = TestTokens.forAccount(driver, "DRIVER");
        await().atMost(TIMEOUT).until(() -> json(get("/api/history/earnings?from=2026-11-24&to=2026-11-24",
                driverToken)).path("trips").asInt() == 4);
        await().atMost(TIMEOUT).until(() -> jdbc.sql("SELECT count(*) FROM rider_trips WHERE rider_id = :r AND status = 'PAID'")
                .param("r", rider).query(Integer.class).single() == 4);
        // Everything published so far (this test's and the other tests') is applied once the snapshot holds still.
        Map<String, List<Map<String, Object>>> before = awaitSteadySnapshot();

        String operator = TestTokens.forAccount(UUID.randomUUID(), "OPERATOR");
        Instant beforeRebuild = jdbc.sql("SELECT now()").query(java.sql.Timestamp.class).single().toInstant();
        HttpResponse<String> started = post("/api/ops/history/rebuild", operator);
        assertThat(started.statusCode()).isEqualTo(202);

        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(
                () -> json(get("/api/ops/history/rebuild", operator)).path("state").asString(), "CAUGHT_UP"::equals);
        assertThat(json(get("/api/ops/history/rebuild", operator)).path("behind").asLong()).isZero();
        assertThat(snapshot()).isEqualTo(before);
        // The same rows, but applied again: every inbox entry is younger than the rebuild.
        assertThat(jdbc.sql("SELECT min(received_at) FROM inbox").query(java.sql.Timestamp.class).single().toInstant())
                .isAfter(beforeRebuild);
        assertThat(json(get("/api/history/earnings?from=2026-11-24&to=2026-11-24", driverToken)).path("trips").asInt())
                .isEqualTo(4);
    }

    @Test
    void aRebuildCanStartAgainOnceTheLastHasCaughtUp() {
        String operator = TestTokens.forAccount(UUID.randomUUID(), "OPERATOR");
        await().atMost(TIMEOUT).until(() -> {
            String state = json(get("/api/ops/history/rebuild", operator)).path("state").asString();
            return state.equals("IDLE") || state.equals("CAUGHT_UP");
        });
        assertThat(post("/api/ops/history/rebuild", operator).statusCode()).isEqualTo(202);
        await().atMost(TIMEOUT).until(
                () -> json(get("/api/ops/history/rebuild", operator)).path("state").asString(), "CAUGHT_UP"::equals);
    }

    private Map<String, List<Map<String, Object>>> awaitSteadySnapshot() {
        Map<String, List<Map<String, Object>>>[] last = new Map[] {snapshot()};
        await().atMost(TIMEOUT).pollDelay(Duration.ofSeconds(2)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Map<String, List<Map<String, Object>>> now = snapshot();
            boolean steady = now.equals(last[0]);
            last[0] = now;
            return steady;
        });
        return last[0];
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return Map.of(
                "rider_trips", rows("SELECT * FROM rider_trips ORDER BY trip_id"),
                "driver_earnings_daily", rows("SELECT * FROM driver_earnings_daily ORDER BY driver_id, day, currency"),
                "pickup_cells", rows("SELECT * FROM pickup_cells ORDER BY cell"),
                "dispatch_outcomes", rows("SELECT * FROM dispatch_outcomes ORDER BY outcome"),
                "inbox", rows("SELECT event_id, event_type FROM inbox ORDER BY event_id"));
    }

    private List<Map<String, Object>> rows(String sql) {
        return jdbc.sql(sql).query().listOfRows();
    }
}
