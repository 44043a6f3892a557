package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

import dev.hailway.runtime.Platform;

/** The ride from quote to payment, and every way it can end early, through the gateway only. */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TakingARideIT {

    private final Platform platform;
    private final Api api;
    private final Rides rides;
    private String operator;

    TakingARideIT(Platform platform) {
        this.platform = platform;
        this.api = new Api(platform.gatewayUrl());
        this.rides = new Rides(api);
    }

    @BeforeAll
    void signInTheOperator() {
        operator = api.operatorToken(platform.operatorEmail(), platform.operatorPassword());
    }

    @Test
    void aRiderIsDrivenFromQuoteToPaidAndTheLedgerBalances() {
        rides.takeAPaidRideAndCheckTheLedger(operator);
    }

    @Test
    void aRiderWhoCancelsBeforeAssignmentPaysNothing() {
        Rides.Point pickup = Rides.newPlace();
        Rides.Rider rider = rides.riderWithCard("tok_visa");
        Rides.Trip trip = rider.requestTrip(pickup, pickup.offset(0.02, 0.0));

        assertThat(rider.cancel(trip.id()).status()).isEqualTo(200);

        JsonNode cancelled = rider.awaitStatus(trip.id(), "CANCELLED");
        assertThat(cancelled.get("reason").asString()).isEqualTo("RIDER_CANCELLED");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                Rides.sumOfLines(Rides.ledgerEntries(api, operator, trip.id()), "rider:" + rider.id() + ":card") == 0);
    }

    @Test
    void aRiderWhoCancelsAfterAssignmentPaysTheFee() {
        Rides.Point pickup = Rides.newPlace();
        Rides.Driver driver = rides.onlineDriverAt(pickup);
        Rides.Rider rider = rides.riderWithCard("tok_visa");
        Rides.Trip trip = rider.requestTrip(pickup, pickup.offset(0.03, 0.0));
        assertThat(driver.accept(driver.awaitOfferFor(trip.id())).status()).isEqualTo(200);
        rider.awaitStatus(trip.id(), "DRIVER_ASSIGNED");

        assertThat(rider.cancel(trip.id()).status()).isEqualTo(200);

        assertThat(rider.awaitStatus(trip.id(), "CANCELLED").get("reason").asString()).isEqualTo("RIDER_CANCELLED");
        List<JsonNode> entries = await().atMost(Duration.ofSeconds(30))
                .until(() -> Rides.ledgerEntries(api, operator, trip.id()), e -> !e.isEmpty());
        long fee = Math.min(3000, trip.fare());
        assertThat(Rides.sumOfLines(entries, "rider:" + rider.id() + ":card")).isEqualTo(-fee);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.get("sum").get("amount").asLong()).isZero());
        driver.goOffline();
    }

    @Test
    void whenTheNearestDriverDeclinesTheNextOneGetsTheOffer() {
        Rides.Point pickup = Rides.newPlace();
        Rides.Driver nearest = rides.onlineDriverAt(pickup.offset(0.001, 0.0));
        Rides.Driver next = rides.onlineDriverAt(pickup.offset(0.01, 0.0));
        Rides.Rider rider = rides.riderWithCard("tok_visa");
        Rides.Trip trip = rider.requestTrip(pickup, pickup.offset(0.03, 0.0));

        UUID first = nearest.awaitOfferFor(trip.id());
        assertThat(next.pendingOfferFor(trip.id())).as("one driver at a time").isNull();
        assertThat(nearest.decline(first).status()).isEqualTo(200);

        UUID second = next.awaitOfferFor(trip.id());
        assertThat(next.accept(second).status()).isEqualTo(200);
        assertThat(rider.awaitStatus(trip.id(), "DRIVER_ASSIGNED").get("driverId").asString()).isEqualTo(next.id().toString());
        assertThat(nearest.accept(first).status()).as("a declined offer cannot be taken back").isEqualTo(409);
        rider.cancel(trip.id());
        nearest.goOffline();
        next.goOffline();
    }

    @Test
    void anOfferThatIsNotAnsweredInTimeMovesToTheNextDriver() {
        // The suite's dispatch waits 4 s for an answer (PlatformExtension).
        Rides.Point pickup = Rides.newPlace();
        Rides.Driver silent = rides.onlineDriverAt(pickup.offset(0.001, 0.0));
        Rides.Driver next = rides.onlineDriverAt(pickup.offset(0.01, 0.0));
        Rides.Rider rider = rides.riderWithCard("tok_visa");
        Rides.Trip trip = rider.requestTrip(pickup, pickup.offset(0.03, 0.0));

        UUID ignored = silent.awaitOfferFor(trip.id());
        UUID second = next.awaitOfferFor(trip.id());

        assertThat(silent.accept(ignored).status()).as("an expired offer cannot be accepted").isEqualTo(409);
        assertThat(next.accept(second).status()).isEqualTo(200);
        rider.awaitStatus(trip.id(), "DRIVER_ASSIGNED");
        rider.cancel(trip.id());
        silent.goOffline();
        next.goOffline();
    }

    @Test
    void withNoDriverAroundTheTripIsCancelledAndTheHoldReleased() {
        Rides.Point nowhere = Rides.newPlace();
        Rides.Rider rider = rides.riderWithCard("tok_visa");
        Rides.Trip trip = rider.requestTrip(nowhere, nowhere.offset(0.02, 0.0));

        JsonNode cancelled = rider.awaitStatus(trip.id(), "CANCELLED");

        assertThat(cancelled.get("reason").asString()).isEqualTo("NO_DRIVER");
        assertThat(Rides.sumOfLines(Rides.ledgerEntries(api, operator, trip.id()), "rider:" + rider.id() + ":card")).isZero();
        assertThat(EventLog.count(platform, "payments.payments", trip.id(), "PaymentReleased")).isEqualTo(1);
    }

    @Test
    void aDeclinedCardCancelsTheTrip() {
        Rides.Point pickup = Rides.newPlace();
        Rides.Rider rider = rides.riderWithCard("tok_chargeDeclined");
        Rides.Trip trip = rider.requestTrip(pickup, pickup.offset(0.02, 0.0));

        JsonNode cancelled = rider.awaitStatus(trip.id(), "CANCELLED");

        assertThat(cancelled.get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
    }
}
