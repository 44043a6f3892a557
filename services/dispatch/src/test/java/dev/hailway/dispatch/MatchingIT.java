package dev.hailway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.dispatch.support.Http;
import dev.hailway.platform.testing.TestTokens;
import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.trips.api.TripPaid;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class MatchingIT extends DispatchItSupport {

    @Autowired
    CircuitBreaker locationCircuitBreaker;

    @Test
    void offersTheTripToTheNearestDriverWhoAcceptsIt() {
        UUID near = UUID.randomUUID();
        UUID far = UUID.randomUUID();
        UUID tripId = dispatchTripWith(candidate(far, 900), candidate(near, 120));

        UUID offerId = awaitPendingOffer(tripId, near);

        Http.Response mine = http.get("/api/offers", TestTokens.driver(near));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json()).hasSize(1);
        JsonNode view = mine.json().get(0);
        assertThat(view.get("offerId").asString()).isEqualTo(offerId.toString());
        assertThat(view.get("tripId").asString()).isEqualTo(tripId.toString());
        assertThat(view.get("fare").get("amount").asLong()).isEqualTo(15000);
        assertThat(view.get("distanceMeters").asLong()).isEqualTo(120);
        assertThat(view.get("status").asString()).isEqualTo("PENDING");
        assertThat(http.get("/api/offers", TestTokens.driver(far)).json()).isEmpty();

        Http.Response accepted = http.post("/api/offers/" + offerId + "/accept", TestTokens.driver(near));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(dispatchStatus(tripId)).isEqualTo("ASSIGNED");
        assertThat(liveAssignmentsOf(near)).isEqualTo(1);

        List<JsonNode> events = awaitEvents(tripId, 2);
        assertThat(types(events)).containsExactly("OfferMade", "DriverAssigned");
        assertThat(events.get(0).get("payload").get("driverId").asString()).isEqualTo(near.toString());
        assertThat(events.get(1).get("payload").get("offerId").asString()).isEqualTo(offerId.toString());
        // The call to location carried a SERVICE token from the client-credentials exchange.
        assertThat(fakes.locationAuthorizations).anyMatch(header -> header.startsWith("Bearer ey"));
    }

    @Test
    void aRedeliveredDispatchRequestStartsNothingNew() {
        UUID driver = UUID.randomUUID();
        GeoPoint pickup = freshPickup();
        fakes.candidatesAt(pickup.lat(), List.of(candidate(driver, 50)));
        UUID tripId = UUID.randomUUID();
        EventEnvelope request = requested(tripId, pickup);
        send(request);
        UUID offerId = awaitPendingOffer(tripId, driver);

        send(request);
        send(requested(tripId, pickup));
        // Same key, same partition: once this one is applied, the two before it have been handled.
        EventEnvelope marker = envelope(tripId, new TripPaid(tripId, UUID.randomUUID(), null, Money.of(1, "KRW"),
                Money.of(1, "KRW"), Instant.now()));
        send(marker);
        await().atMost(TIMEOUT).until(() -> jdbc.sql("SELECT count(*) FROM inbox WHERE event_id = :id")
                .param("id", marker.id()).query(Long.class).single() == 1);

        assertThat(offersOf(tripId)).extracting(StoredOffer::offerId).containsExactly(offerId);
        assertThat(jdbc.sql("SELECT count(*) FROM inbox WHERE event_id = :id").param("id", request.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDeclineSendsTheOfferToTheNextNearestDriver() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID tripId = dispatchTripWith(candidate(second, 300), candidate(first, 100));
        UUID firstOffer = awaitPendingOffer(tripId, first);

        Http.Response declined = http.post("/api/offers/" + firstOffer + "/decline", TestTokens.driver(first));

        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");
        UUID secondOffer = awaitPendingOffer(tripId, second);
        expectProblem(http.post("/api/offers/" + firstOffer + "/decline", TestTokens.driver(first)), 409, "conflict");
        expectProblem(http.post("/api/offers/" + firstOffer + "/accept", TestTokens.driver(first)), 409, "conflict");
        expectProblem(http.post("/api/offers/" + firstOffer + "/accept", TestTokens.driver(second)), 404, "not-found");
        assertThat(types(awaitEvents(tripId, 3))).containsExactly("OfferMade", "OfferDeclined", "OfferMade");
        assertThat(offersOf(tripId)).extracting(StoredOffer::offerId).containsExactly(firstOffer, secondOffer);
    }

    @Test
    void anUnansweredOfferExpiresAndGoesToTheNextDriver() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID tripId = dispatchTripWith(candidate(first, 100), candidate(second, 200));
        UUID firstOffer = awaitPendingOffer(tripId, first);

        awaitPendingOffer(tripId, second);

        assertThat(offersOf(tripId).getFirst().status()).isEqualTo("EXPIRED");
        expectProblem(http.post("/api/offers/" + firstOffer + "/accept", TestTokens.driver(first)), 409, "conflict");
        assertThat(types(awaitEvents(tripId, 3))).containsExactly("OfferMade", "OfferExpired", "OfferMade");
    }

    @Test
    void givesUpWhenNobodyIsNearByTheDeadline() {
        UUID tripId = dispatchTripWith();

        await().atMost(TIMEOUT).until(() -> "GAVE_UP".equals(dispatchStatus(tripId)));

        List<JsonNode> events = awaitEvents(tripId, 1);
        assertThat(types(events)).containsExactly("NoDriverFound");
        assertThat(events.getFirst().get("payload").get("offersMade").asInt()).isZero();
        assertThat(offersOf(tripId)).isEmpty();
    }

    @Test
    void givesUpAfterTheAllowedRefusals() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        UUID tripId = dispatchTripWith(candidate(a, 10), candidate(b, 20), candidate(c, 30), candidate(d, 40));

        for (UUID driver : List.of(a, b, c)) {
            UUID offer = awaitPendingOffer(tripId, driver);
            assertThat(http.post("/api/offers/" + offer + "/decline", TestTokens.driver(driver)).status())
                    .isEqualTo(200);
        }

        await().atMost(TIMEOUT).until(() -> "GAVE_UP".equals(dispatchStatus(tripId)));
        assertThat(offersOf(tripId)).extracting(StoredOffer::driverId).containsExactly(a, b, c);
        JsonNode gaveUp = awaitEvents(tripId, 7).getLast();
        assertThat(gaveUp.get("type").asString()).isEqualTo("NoDriverFound");
        assertThat(gaveUp.get("payload").get("offersMade").asInt()).isEqualTo(3);
    }

    @Test
    void whileLocationIsDownTheBreakerOpensAndMatchingGivesUpAtTheDeadline() {
        GeoPoint pickup = freshPickup();
        fakes.downAt(pickup.lat());
        UUID tripId = UUID.randomUUID();
        send(requested(tripId, pickup));

        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> locationCircuitBreaker.getState() == CircuitBreaker.State.OPEN);
        assertThat(dispatchStatus(tripId)).isEqualTo("MATCHING");
        assertThat(http.get("/api/offers", TestTokens.driver(UUID.randomUUID())).status()).isEqualTo(200);

        await().atMost(TIMEOUT).until(() -> "GAVE_UP".equals(dispatchStatus(tripId)));
        List<JsonNode> events = awaitEvents(tripId, 1);
        assertThat(types(events)).containsExactly("NoDriverFound");
        assertThat(jdbc.sql("SELECT next_attempt_at IS NULL FROM dispatches WHERE trip_id = :trip")
                .param("trip", tripId).query(Boolean.class).single()).isTrue();
    }
}
