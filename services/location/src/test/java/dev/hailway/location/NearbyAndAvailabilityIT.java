package dev.hailway.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.dispatch.api.DispatchTopics;
import dev.hailway.dispatch.api.DriverAssigned;
import dev.hailway.drivers.api.DriverTopics;
import dev.hailway.drivers.api.DriverWentOffline;
import dev.hailway.drivers.api.DriverWentOnline;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.platform.testing.TestTokens;
import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripPaid;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.api.TripTopics;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NearbyAndAvailabilityIT extends LocationItSupport {

    static final String SERVICE = TestTokens.service("dispatch");

    private static final java.util.concurrent.atomic.AtomicInteger PLACES = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Somewhere no other test puts drivers, so answers hold only this test's drivers: each test its own spot, 10 km
     * apart (a random spot once landed within the 3 km query radius of another test's drivers).
     */
    final GeoPoint pickup = offset(CITY_HALL, 20_000 + PLACES.getAndIncrement() * 10_000.0, 0);

    @Test
    void availabilityFollowsShiftsAssignmentsAndTripEnds() throws Exception {
        UUID near = onlineDriverAt(offset(pickup, 200, 0), VehicleClass.STANDARD);
        UUID far = onlineDriverAt(offset(pickup, 0, 900), VehicleClass.XL);

        eventually().untilAsserted(() -> assertThat(nearby("")).containsExactly(near, far));
        assertThat(nearby("&vehicleClass=XL")).containsExactly(far);
        JsonNode first = http.get(query(pickup, 3000, 10, ""), SERVICE).json().get("drivers").get(0);
        assertThat(first.get("distanceMeters").asLong()).isBetween(195L, 205L);
        assertThat(first.get("vehicleClass").asString()).isEqualTo("STANDARD");
        assertThat(first.get("position").get("lat").asDouble()).isEqualTo(offset(pickup, 200, 0).lat());

        UUID trip = UUID.randomUUID();
        EventEnvelope assigned = EventEnvelope.wrap(trip.toString(),
                new DriverAssigned(trip, near, UUID.randomUUID(), Instant.now()), Instant.now(), null, mapper);
        publish(DispatchTopics.OFFERS, assigned);
        eventually().untilAsserted(() -> assertThat(nearby("")).containsExactly(far));

        publish(TripTopics.TRIPS, trip.toString(), new TripPaid(trip, UUID.randomUUID(), near, Money.of(12_000, "KRW"),
                Money.of(9_600, "KRW"), Instant.now()));
        eventually().untilAsserted(() -> assertThat(nearby("")).containsExactly(near, far));

        // The assignment delivered again is recognised by the inbox and does not make the driver busy again.
        publish(DispatchTopics.OFFERS, assigned);
        publish(DriverTopics.DRIVERS, far.toString(), new DriverWentOffline(far, Instant.now()));
        eventually().untilAsserted(() -> assertThat(nearby("")).containsExactly(near));
        assertThat(jdbc.sql("select count(*) from busy_trips where driver_id = :d").param("d", near)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCancelledTripFreesItsDriver() throws Exception {
        UUID driver = onlineDriverAt(offset(pickup, 100, 0), VehicleClass.COMFORT);
        eventually().untilAsserted(() -> assertThat(nearby("")).containsExactly(driver));
        UUID trip = UUID.randomUUID();

        publish(DispatchTopics.OFFERS, trip.toString(), new DriverAssigned(trip, driver, UUID.randomUUID(),
                Instant.now()));
        eventually().untilAsserted(() -> assertThat(nearby("")).isEmpty());
        publish(TripTopics.TRIPS, trip.toString(), new TripCancelled(trip, UUID.randomUUID(), driver,
                CancellationReason.RIDER_CANCELLED, TripStatus.DRIVER_ASSIGNED, Money.of(0, "KRW"), Instant.now()));

        eventually().untilAsserted(() -> assertThat(nearby("")).containsExactly(driver));
    }

    @Test
    void theQueryIsValidated() {
        expectInvalid(http.get(query(pickup, 20_001, 10, ""), SERVICE), 400, "radiusMeters");
        expectInvalid(http.get(query(pickup, 0, 10, ""), SERVICE), 400, "radiusMeters");
        expectInvalid(http.get(query(pickup, 1000, 51, ""), SERVICE), 400, "k");
        expectInvalid(http.get(query(pickup, 1000, 0, ""), SERVICE), 400, "k");
        expectInvalid(http.get(query(pickup, 1000, 5, "&vehicleClass=LIMO"), SERVICE), 400, "vehicleClass");
        expectInvalid(http.get("/internal/drivers/nearby?lat=91&lng=0", SERVICE), 400, "lat");
        expectInvalid(http.get("/internal/drivers/nearby?lat=0&lng=-180.5", SERVICE), 400, "lng");
        expectInvalid(http.get("/internal/drivers/nearby?lng=0", SERVICE), 400, "lat");
        expectInvalid(http.get("/internal/drivers/nearby?lat=abc&lng=0", SERVICE), 400, "lat");
        expectInvalid(http.get("/internal/drivers/nearby?lat=NaN&lng=0", SERVICE), 400, "lat");
    }

    @Test
    void onlyServicesMayAsk() {
        expectProblem(http.get(query(pickup, 1000, 5, ""), TestTokens.rider()), 403, "forbidden");
        expectProblem(http.get(query(pickup, 1000, 5, ""), TestTokens.driver(UUID.randomUUID())), 403, "forbidden");
        expectProblem(http.get(query(pickup, 1000, 5, ""), null), 401, "unauthorized");
    }

    @Test
    void isReadyOnceTheIndexIsRebuilt() {
        var readiness = http.get("/actuator/health/readiness", null);

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    private UUID onlineDriverAt(GeoPoint point, VehicleClass vehicleClass) throws Exception {
        UUID driver = UUID.randomUUID();
        publish(DriverTopics.DRIVERS, driver.toString(), new DriverWentOnline(driver, vehicleClass, Instant.now()));
        var response = http.post("/api/locations", TestTokens.driver(driver), json(ping(point, Instant.now())));
        assertThat(response.status()).isEqualTo(202);
        return driver;
    }

    private List<UUID> nearby(String extra) {
        var response = http.get(query(pickup, 3000, 10, extra), SERVICE);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("drivers").valueStream()
                .map(node -> UUID.fromString(node.get("driverId").asString())).toList();
    }

    private static String query(GeoPoint point, int radius, int k, String extra) {
        return "/internal/drivers/nearby?lat=" + point.lat() + "&lng=" + point.lng() + "&radiusMeters=" + radius
                + "&k=" + k + extra;
    }

    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300));
    }
}
