package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * The people of a ride, acting only through the public API. Each scene happens in its own place, far enough from
 * every other scene that dispatch (5 km radius) never offers one test's trip to another test's driver.
 */
final class Rides {

    private static final AtomicInteger SCENES = new AtomicInteger();

    private final Api api;

    Rides(Api api) {
        this.api = api;
    }

    /** A fresh spot: 0.2° of latitude (about 22 km) from every other scene of the suite. */
    static Point newPlace() {
        int n = SCENES.incrementAndGet();
        return new Point(34.0 + 0.2 * n, 127.0);
    }

    record Point(double lat, double lng) {

        Point offset(double dLat, double dLng) {
            return new Point(lat + dLat, lng + dLng);
        }

        Map<String, Object> json() {
            return Map.of("lat", lat, "lng", lng);
        }
    }

    Driver onlineDriverAt(Point where) {
        Api.SignedIn account = api.registerAndSignIn("DRIVER");
        Driver driver = new Driver(account);
        Api.Response vehicle = api.put("/api/drivers/me/vehicle", account.accessToken(),
                Map.of("plate", "12가" + (1000 + SCENES.get() % 9000), "model", "Hyundai Sonata", "vehicleClass", "STANDARD"));
        assertThat(vehicle.status()).as(vehicle.toString()).isEqualTo(200);
        Api.Response online = api.post("/api/drivers/me/online", account.accessToken(), "");
        assertThat(online.status()).as(online.toString()).isBetween(200, 204);
        driver.pingAt(where);
        return driver;
    }

    /**
     * The README's first ride, from quote to {@code PAID}, and its ledger checked: one fare capture, every entry
     * summing to zero, the rider debited the fare, the driver credited it less the 20 % commission.
     */
    void takeAPaidRideAndCheckTheLedger(String operatorToken) {
        Point pickup = newPlace();
        Driver driver = onlineDriverAt(pickup.offset(0.002, 0.002));
        Rider rider = riderWithCard("tok_visa");

        Trip trip = rider.requestTrip(pickup, pickup.offset(0.03, 0.03));
        assertThat(driver.accept(driver.awaitOfferFor(trip.id())).status()).isEqualTo(200);
        assertThat(rider.awaitStatus(trip.id(), "DRIVER_ASSIGNED").get("driverId").asString()).isEqualTo(driver.id().toString());
        for (String step : List.of("arrive", "start", "complete")) {
            assertThat(driver.move(trip.id(), step).status()).as(step).isEqualTo(200);
        }

        rider.awaitStatus(trip.id(), "PAID");
        List<JsonNode> entries = await().atMost(Duration.ofSeconds(30))
                .until(() -> ledgerEntries(api, operatorToken, trip.id()), e -> !e.isEmpty());
        assertThat(entries).allSatisfy(entry -> assertThat(entry.get("sum").get("amount").asLong()).as("every entry sums to zero").isZero());
        assertThat(entries).extracting(entry -> entry.get("kind").asString()).containsExactly("FARE_CAPTURE");
        long commission = sumOfLines(entries, "platform:revenue");
        assertThat(sumOfLines(entries, "rider:" + rider.id() + ":card")).as("the rider is debited once").isEqualTo(-trip.fare());
        assertThat(commission).isEqualTo(trip.fare() * 20 / 100);
        assertThat(sumOfLines(entries, "driver:" + driver.id() + ":earnings"))
                .as("the driver is credited the fare less commission").isEqualTo(trip.fare() - commission);
        driver.goOffline();
    }

    Rider riderWithCard(String cardToken) {
        Api.SignedIn account = api.registerAndSignIn("RIDER");
        Api.Response method = api.post("/api/payment-methods", account.accessToken(), Map.of("cardToken", cardToken));
        assertThat(method.status()).as(method.toString()).isEqualTo(201);
        return new Rider(account, UUID.fromString(method.json().get("paymentMethodId").asString()));
    }

    final class Driver {

        final Api.SignedIn account;

        Driver(Api.SignedIn account) {
            this.account = account;
        }

        UUID id() {
            return account.accountId();
        }

        void pingAt(Point where) {
            Api.Response ping = api.post("/api/locations", account.accessToken(),
                    Map.of("lat", where.lat(), "lng", where.lng(), "at", Instant.now().toString()));
            assertThat(ping.status()).as(ping.toString()).isEqualTo(202);
        }

        /** Waits for the offer of {@code tripId} to reach this driver and returns its id. */
        UUID awaitOfferFor(UUID tripId) {
            return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> pendingOfferFor(tripId), offer -> offer != null);
        }

        UUID pendingOfferFor(UUID tripId) {
            Api.Response offers = api.get("/api/offers", account.accessToken());
            assertThat(offers.status()).as(offers.toString()).isEqualTo(200);
            for (JsonNode offer : offers.json()) {
                if (offer.get("tripId").asString().equals(tripId.toString())) {
                    return UUID.fromString(offer.get("offerId").asString());
                }
            }
            return null;
        }

        Api.Response accept(UUID offerId) {
            return api.post("/api/offers/" + offerId + "/accept", account.accessToken(), "");
        }

        Api.Response decline(UUID offerId) {
            return api.post("/api/offers/" + offerId + "/decline", account.accessToken(), "");
        }

        Api.Response move(UUID tripId, String step) {
            return api.post("/api/trips/" + tripId + "/" + step, account.accessToken(), "");
        }

        void goOffline() {
            api.post("/api/drivers/me/offline", account.accessToken(), "");
        }
    }

    final class Rider {

        final Api.SignedIn account;
        final UUID paymentMethodId;

        Rider(Api.SignedIn account, UUID paymentMethodId) {
            this.account = account;
            this.paymentMethodId = paymentMethodId;
        }

        UUID id() {
            return account.accountId();
        }

        JsonNode quote(Point pickup, Point dropoff) {
            Api.Response quote = api.post("/api/quotes", account.accessToken(),
                    Map.of("pickup", pickup.json(), "dropoff", dropoff.json(), "vehicleClass", "STANDARD"));
            assertThat(quote.status()).as(quote.toString()).isEqualTo(201);
            return quote.json();
        }

        Api.Response request(String quoteId, String idempotencyKey) {
            return api.postWithKey("/api/trips", account.accessToken(),
                    Map.of("quoteId", quoteId, "paymentMethodId", paymentMethodId.toString()), idempotencyKey);
        }

        /** Quote and request in one go; returns the trip id. */
        Trip requestTrip(Point pickup, Point dropoff) {
            JsonNode quote = quote(pickup, dropoff);
            Api.Response trip = request(quote.get("quoteId").asString(), UUID.randomUUID().toString());
            assertThat(trip.status()).as(trip.toString()).isEqualTo(201);
            return new Trip(UUID.fromString(trip.json().get("tripId").asString()), quote.get("fare").get("amount").asLong());
        }

        JsonNode trip(UUID tripId) {
            Api.Response trip = api.get("/api/trips/" + tripId, account.accessToken());
            assertThat(trip.status()).as(trip.toString()).isEqualTo(200);
            return trip.json();
        }

        JsonNode awaitStatus(UUID tripId, String status) {
            return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> trip(tripId), trip -> trip.get("status").asString().equals(status));
        }

        Api.Response cancel(UUID tripId) {
            return api.post("/api/trips/" + tripId + "/cancel", account.accessToken(), "");
        }
    }

    record Trip(UUID id, long fare) {
    }

    /** The operator's view of a trip's journal entries. */
    static List<JsonNode> ledgerEntries(Api api, String operatorToken, UUID tripId) {
        Api.Response ledger = api.get("/api/payments/ledger/trips/" + tripId, operatorToken);
        assertThat(ledger.status()).as(ledger.toString()).isEqualTo(200);
        return ledger.json().get("entries").valueStream().toList();
    }

    static long sumOfLines(List<JsonNode> entries, String account) {
        return entries.stream().flatMap(entry -> entry.get("lines").valueStream())
                .filter(line -> line.get("account").asString().equals(account))
                .mapToLong(line -> line.get("amount").get("amount").asLong())
                .sum();
    }
}
