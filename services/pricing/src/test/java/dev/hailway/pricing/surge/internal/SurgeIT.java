package dev.hailway.pricing.surge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.DriverTopics;
import dev.hailway.drivers.api.DriverWentOffline;
import dev.hailway.drivers.api.DriverWentOnline;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.location.api.DriverPositionReported;
import dev.hailway.location.api.LocationTopics;
import dev.hailway.pricing.fares.FareRules;
import dev.hailway.pricing.fares.RouteEstimator;
import dev.hailway.pricing.support.IntegrationSupport;
import dev.hailway.pricing.support.Places;
import dev.hailway.platform.testing.TestTokens;
import dev.hailway.pricing.surge.Cells;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripTopics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SurgeIT extends IntegrationSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    SurgeSchedule schedule;
    @Autowired
    Cells cells;
    @Autowired
    FareRules fareRules;
    @Autowired
    RouteEstimator routes;

    @Test
    void manyTripRequestsAgainstFewDriversRaiseTheSurgeOfThePickupCell() throws Exception {
        GeoPoint pickup = Places.anywhere();
        GeoPoint dropoff = Places.northOf(pickup);
        String cell = cells.of(pickup).address();
        UUID driver = UUID.randomUUID();
        send(DriverTopics.DRIVERS, driver.toString(), new DriverWentOnline(driver, VehicleClass.STANDARD, Instant.now()));
        send(LocationTopics.POSITIONS, driver.toString(),
                new DriverPositionReported(driver, pickup, null, null, Instant.now()));
        var first = send(TripTopics.TRIPS, UUID.randomUUID().toString(), tripFrom(pickup, dropoff));
        send(TripTopics.TRIPS, first);
        for (int i = 0; i < 4; i++) {
            send(TripTopics.TRIPS, UUID.randomUUID().toString(), tripFrom(pickup, dropoff));
        }

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(demandIn(cell)).isEqualTo(5);
            assertThat(count("select count(*) from driver_presence where online and cell = '" + cell + "'")).isEqualTo(1);
        });
        schedule.recalculateNow();

        // Five requests, one driver: the target is 1 + 0.5 × (5 − 1) = 3.0, and the first round goes half way.
        var quote = http.post("/api/quotes", Map.of("pickup", Map.of("lat", pickup.lat(), "lng", pickup.lng()),
                "dropoff", Map.of("lat", dropoff.lat(), "lng", dropoff.lng())), TestTokens.of("RIDER"), Map.of()).json();
        assertThat(quote.get("surge").decimalValue()).isEqualByComparingTo("2.00");
        var expected = fareRules.of(VehicleClass.STANDARD).orElseThrow()
                .fareFor(routes.estimate(pickup, dropoff), new BigDecimal("2.00"), 100);
        assertThat(quote.get("fare").get("amount").asLong()).isEqualTo(expected.amount());
        // The redelivered request was counted once; the quote itself is demand too.
        assertThat(demandIn(cell)).isEqualTo(6);
    }

    @Test
    void aDriverWhoGoesOfflineNoLongerCountsAsSupply() throws Exception {
        GeoPoint pickup = Places.anywhere();
        String cell = cells.of(pickup).address();
        UUID driver = UUID.randomUUID();
        send(LocationTopics.POSITIONS, driver.toString(), new DriverPositionReported(driver, pickup, 90.0, 30.0, Instant.now()));
        await().atMost(TIMEOUT).until(() -> online(driver) == Boolean.TRUE);

        send(DriverTopics.DRIVERS, driver.toString(), new DriverWentOffline(driver, Instant.now()));

        await().atMost(TIMEOUT).until(() -> online(driver) == Boolean.FALSE);
        assertThat(count("select count(*) from driver_presence where online and cell = '" + cell + "'")).isZero();
    }

    private Boolean online(UUID driver) {
        return jdbc.sql("select online from driver_presence where driver_id = :id").param("id", driver)
                .query(Boolean.class).optional().orElse(null);
    }

    private long demandIn(String cell) {
        return count("select count(*) from demand_signals where cell = '" + cell + "'");
    }

    private static TripRequested tripFrom(GeoPoint pickup, GeoPoint dropoff) {
        return new TripRequested(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), pickup, dropoff,
                VehicleClass.STANDARD, Money.of(15_000, "KRW"), UUID.randomUUID(), Instant.now());
    }
}
