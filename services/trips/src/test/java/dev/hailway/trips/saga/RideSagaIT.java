package dev.hailway.trips.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.common.api.Money;
import dev.hailway.dispatch.api.DispatchTopics;
import dev.hailway.dispatch.api.DriverAssigned;
import dev.hailway.dispatch.api.NoDriverFound;
import dev.hailway.dispatch.api.OfferMade;
import dev.hailway.payments.api.PaymentAuthorized;
import dev.hailway.payments.api.PaymentCaptured;
import dev.hailway.payments.api.PaymentDeclined;
import dev.hailway.payments.api.PaymentTopics;
import dev.hailway.trips.TripsIntegrationTest;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.support.TestKeys;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RideSagaIT extends TripsIntegrationTest {

    private static final Money FARE = TestKeys.fare();

    @Test
    void aRideGoesFromRequestToPaidThroughEveryService() {
        var riderId = UUID.randomUUID();
        var driverId = UUID.randomUUID();
        var tripId = requestTrip(riderId);

        var authorized = publish(PaymentTopics.PAYMENTS, tripId,
                new PaymentAuthorized(UUID.randomUUID(), tripId, riderId, FARE, Instant.now()));
        awaitStatus(tripId, TripStatus.PAYMENT_AUTHORIZED);
        // Offers are dispatch's business: trips does not react to them.
        publish(DispatchTopics.OFFERS, tripId, new OfferMade(UUID.randomUUID(), tripId, driverId, TestKeys.pickup(),
                TestKeys.pickup(), FARE, 500, Instant.now().plusSeconds(15), Instant.now()));
        publish(DispatchTopics.OFFERS, tripId, new DriverAssigned(tripId, driverId, UUID.randomUUID(), Instant.now()));
        var assigned = awaitStatus(tripId, TripStatus.DRIVER_ASSIGNED);
        assertThat(assigned.get("driverId").asString()).isEqualTo(driverId.toString());

        for (String move : List.of("arrive", "start", "complete")) {
            var response = http.post("/api/trips/" + tripId + "/" + move, driver(driverId), null);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        assertThat(view(tripId).get("status").asString()).isEqualTo("COMPLETED");

        publish(PaymentTopics.PAYMENTS, tripId, new PaymentCaptured(tripId, riderId, driverId, FARE,
                Money.of(2_400, "KRW"), Money.of(9_600, "KRW"), Instant.now()));
        awaitStatus(tripId, TripStatus.PAID);

        awaitEventTypes(tripId, "TripRequested", "TripDispatchRequested", "TripDriverAssigned", "TripDriverArrived",
                "TripStarted", "TripCompleted", "TripPaid");
        var events = tripEvents(tripId);
        assertThat(events.get(5).get("payload").get("fare").get("amount").asLong()).isEqualTo(12_000);
        assertThat(events.get(6).get("payload").get("driverEarnings").get("amount").asLong()).isEqualTo(9_600);
        assertThat(count("select count(*) from trip_history where trip_id = ?", tripId)).isEqualTo(7);

        // A redelivered envelope is skipped by the inbox; a late duplicate is refused by the state machine.
        send(PaymentTopics.PAYMENTS, authorized);
        publish(PaymentTopics.PAYMENTS, tripId,
                new PaymentAuthorized(UUID.randomUUID(), tripId, riderId, FARE, Instant.now()));
        var marker = publish(DispatchTopics.OFFERS, tripId, new NoDriverFound(tripId, 0, "late", Instant.now()));
        awaitApplied(marker.id());
        assertThat(view(tripId).get("status").asString()).isEqualTo("PAID");
        assertThat(tripEventTypes(tripId)).hasSize(7);
        assertThat(count("select count(*) from inbox where event_id = ?", authorized.id())).isEqualTo(1);
    }

    @Test
    void aDeclinedPaymentCancelsTheTripWithoutFee() {
        var riderId = UUID.randomUUID();
        var tripId = requestTrip(riderId);

        publish(PaymentTopics.PAYMENTS, tripId, new PaymentDeclined(tripId, riderId, "card_declined", Instant.now()));

        var cancelled = awaitStatus(tripId, TripStatus.CANCELLED);
        assertThat(cancelled.get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
        awaitEventTypes(tripId, "TripRequested", "TripCancelled");
        var event = tripEvents(tripId).get(1).get("payload");
        assertThat(event.get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(event.get("cancellationFee").get("amount").asLong()).isZero();
        assertThat(event.get("cancelledIn").asString()).isEqualTo("REQUESTED");
    }

    @Test
    void noDriverCancelsTheTripAndALateAssignmentIsIgnored() {
        var riderId = UUID.randomUUID();
        var tripId = requestTrip(riderId);
        publish(PaymentTopics.PAYMENTS, tripId,
                new PaymentAuthorized(UUID.randomUUID(), tripId, riderId, FARE, Instant.now()));
        awaitStatus(tripId, TripStatus.PAYMENT_AUTHORIZED);

        publish(DispatchTopics.OFFERS, tripId, new NoDriverFound(tripId, 3, "everybody declined", Instant.now()));
        assertThat(awaitStatus(tripId, TripStatus.CANCELLED).get("reason").asString()).isEqualTo("NO_DRIVER");

        var late = publish(DispatchTopics.OFFERS, tripId,
                new DriverAssigned(tripId, UUID.randomUUID(), UUID.randomUUID(), Instant.now()));
        awaitApplied(late.id());
        assertThat(view(tripId).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(view(tripId).hasNonNull("driverId")).isFalse();
        awaitEventTypes(tripId, "TripRequested", "TripDispatchRequested", "TripCancelled");
    }

    private void awaitApplied(UUID eventId) {
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(
                () -> count("select count(*) from inbox where event_id = ?", eventId) == 1);
    }
}
