package dev.hailway.trips.riding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.dispatch.api.DispatchTopics;
import dev.hailway.dispatch.api.DriverAssigned;
import dev.hailway.payments.api.PaymentAuthorized;
import dev.hailway.payments.api.PaymentTopics;
import dev.hailway.trips.TripsIntegrationTest;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.support.Http;
import dev.hailway.trips.support.TestKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RidingIT extends TripsIntegrationTest {

    @Test
    void onlyItsRiderItsDriverAndOperatorsSeeATrip() {
        var riderId = UUID.randomUUID();
        var driverId = UUID.randomUUID();
        var tripId = assignedTrip(riderId, driverId);

        assertThat(http.get("/api/trips/" + tripId, rider(riderId)).status()).isEqualTo(200);
        assertThat(http.get("/api/trips/" + tripId, driver(driverId)).status()).isEqualTo(200);
        assertThat(http.get("/api/trips/" + tripId, operator).status()).isEqualTo(200);
        expectProblem(http.get("/api/trips/" + tripId, rider(UUID.randomUUID())), 404, "not-found");
        expectProblem(http.get("/api/trips/" + tripId, driver(UUID.randomUUID())), 404, "not-found");
        expectProblem(http.get("/api/trips/" + UUID.randomUUID(), operator), 404, "not-found");
        expectProblem(http.get("/api/trips/" + tripId, null), 401, "unauthorized");
        expectProblem(http.get("/api/trips/not-a-uuid", operator), 400, "validation");
    }

    @Test
    void operatorsPageThroughTripsByTheNextLinkWithoutOverlapOrGaps() {
        var mine = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            mine.add(requestTrip(UUID.randomUUID()).toString());
        }

        var all = ids(http.get("/api/trips?status=REQUESTED&limit=100", operator));
        var paged = new ArrayList<String>();
        var pages = 0;
        String next = "/api/trips?status=REQUESTED&limit=2";
        while (next != null) {
            var page = http.get(next, operator);
            paged.addAll(ids(page));
            next = nextLink(page);
            pages++;
        }

        // Older trips of other tests may time out (REQUESTED → CANCELLED) meanwhile and leave the list; none may
        // appear twice, and these five, untouched, keep their places.
        assertThat(all).hasSizeLessThan(100).containsAll(mine);
        assertThat(paged).doesNotHaveDuplicates().containsAll(mine);
        assertThat(paged.stream().filter(mine::contains).toList())
                .isEqualTo(all.stream().filter(mine::contains).toList());
        assertThat(pages).isGreaterThanOrEqualTo(3);
        var bad = expectProblem(http.get("/api/trips?cursor=not-a-cursor", operator), 400, "validation");
        assertThat(bad.get("errors").get(0).get("field").asString()).isEqualTo("cursor");
        expectProblem(http.get("/api/trips?status=REQUESTED", rider(UUID.randomUUID())), 403, "forbidden");
    }

    private static List<String> ids(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().valueStream().map(trip -> trip.get("tripId").asString()).toList();
    }

    /** The target of {@code Link: <...>; rel="next"}, or null on the last page. */
    private static String nextLink(Http.Response response) {
        String link = response.header("Link");
        if (link == null) {
            return null;
        }
        assertThat(link).endsWith("; rel=\"next\"").startsWith("</api/trips?");
        return link.substring(1, link.indexOf('>'));
    }

    @Test
    void onlyTheAssignedDriverMovesTheTripOnAndOnlyInTurn() {
        var riderId = UUID.randomUUID();
        var driverId = UUID.randomUUID();
        var tripId = assignedTrip(riderId, driverId);

        expectProblem(http.post("/api/trips/" + tripId + "/arrive", rider(riderId), null), 403, "forbidden");
        expectProblem(http.post("/api/trips/" + tripId + "/arrive", driver(UUID.randomUUID()), null), 404, "not-found");
        expectProblem(http.post("/api/trips/" + tripId + "/start", driver(driverId), null), 409, "conflict");
        expectProblem(http.post("/api/trips/" + tripId + "/complete", driver(driverId), null), 409, "conflict");
        assertThat(view(tripId).get("status").asString()).isEqualTo("DRIVER_ASSIGNED");

        var arrived = http.post("/api/trips/" + tripId + "/arrive", driver(driverId), null);
        assertThat(arrived.status()).isEqualTo(200);
        assertThat(arrived.json().get("status").asString()).isEqualTo("DRIVER_ARRIVED");
        expectProblem(http.post("/api/trips/" + tripId + "/arrive", driver(driverId), null), 409, "conflict");
        awaitEventTypes(tripId, "TripRequested", "TripDispatchRequested", "TripDriverAssigned", "TripDriverArrived");
    }

    @Test
    void aRiderCancelsForFreeBeforeAssignment() {
        var riderId = UUID.randomUUID();
        var tripId = requestTrip(riderId);

        expectProblem(http.post("/api/trips/" + tripId + "/cancel", rider(UUID.randomUUID()), null), 404, "not-found");
        var response = http.post("/api/trips/" + tripId + "/cancel", rider(riderId), null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("reason").asString()).isEqualTo("RIDER_CANCELLED");
        awaitEventTypes(tripId, "TripRequested", "TripCancelled");
        assertThat(tripEvents(tripId).get(1).get("payload").get("cancellationFee").get("amount").asLong()).isZero();
        expectProblem(http.post("/api/trips/" + tripId + "/cancel", rider(riderId), null), 409, "conflict");
    }

    @Test
    void aRiderWhoCancelsOnceADriverIsOnTheWayPaysTheFee() {
        var riderId = UUID.randomUUID();
        var driverId = UUID.randomUUID();
        var tripId = assignedTrip(riderId, driverId);

        var response = http.post("/api/trips/" + tripId + "/cancel", rider(riderId), null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        awaitEventTypes(tripId, "TripRequested", "TripDispatchRequested", "TripDriverAssigned", "TripCancelled");
        var cancelled = tripEvents(tripId).get(3).get("payload");
        assertThat(cancelled.get("reason").asString()).isEqualTo("RIDER_CANCELLED");
        assertThat(cancelled.get("cancellationFee").get("amount").asLong()).isEqualTo(3_000);
        assertThat(cancelled.get("driverId").asString()).isEqualTo(driverId.toString());
        assertThat(cancelled.get("cancelledIn").asString()).isEqualTo("DRIVER_ASSIGNED");
    }

    @Test
    void theDriverCancelsForFreeButNobodyCancelsARideUnderWay() {
        var riderId = UUID.randomUUID();
        var driverId = UUID.randomUUID();
        var cancelledByDriver = assignedTrip(riderId, driverId);
        var underWay = assignedTrip(riderId, driverId);

        var response = http.post("/api/trips/" + cancelledByDriver + "/cancel", driver(driverId), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("reason").asString()).isEqualTo("DRIVER_CANCELLED");

        http.post("/api/trips/" + underWay + "/arrive", driver(driverId), null);
        http.post("/api/trips/" + underWay + "/start", driver(driverId), null);
        expectProblem(http.post("/api/trips/" + underWay + "/cancel", rider(riderId), null), 409, "conflict");
        expectProblem(http.post("/api/trips/" + underWay + "/cancel", driver(driverId), null), 409, "conflict");
        assertThat(view(underWay).get("status").asString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aTripWithoutPaymentAnswerTimesOut() {
        var tripId = requestTrip(UUID.randomUUID());

        // As if the request were older than the payment deadline (60 s): the sweep goes by the stored time.
        jdbc.sql("update trips set updated_at = now() - interval '61 seconds' where id = ?").param(tripId).update();

        var cancelled = awaitStatus(tripId, TripStatus.CANCELLED);
        assertThat(cancelled.get("reason").asString()).isEqualTo("TIMED_OUT");
        awaitEventTypes(tripId, "TripRequested", "TripCancelled");
        assertThat(jdbc.sql("select cause from trip_history where trip_id = ? and to_status = 'CANCELLED'")
                .param(tripId).query(String.class).single()).contains("no payment answer");
    }

    @Test
    void aCompletedTripWaitingTooLongForItsCaptureIsFlaggedNotCancelled() {
        var riderId = UUID.randomUUID();
        var driverId = UUID.randomUUID();
        var tripId = assignedTrip(riderId, driverId);
        for (String move : new String[] {"arrive", "start", "complete"}) {
            assertThat(http.post("/api/trips/" + tripId + "/" + move, driver(driverId), null).status()).isEqualTo(200);
        }

        jdbc.sql("update trips set updated_at = now() - interval '11 minutes' where id = ?").param(tripId).update();

        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> count(
                "select count(*) from trips where id = ? and capture_overdue_at is not null", tripId) == 1);
        assertThat(view(tripId).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void operatorsListTheTripsThatChangedLast() {
        var riderId = UUID.randomUUID();
        var tripId = requestTrip(riderId);
        http.post("/api/trips/" + tripId + "/cancel", rider(riderId), null);

        var cancelled = http.get("/api/trips?status=CANCELLED&limit=5", operator);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().size()).isBetween(1, 5);
        assertThat(cancelled.json().get(0).get("tripId").asString()).isEqualTo(tripId.toString());
        cancelled.json().forEach(trip -> assertThat(trip.get("status").asString()).isEqualTo("CANCELLED"));
        expectProblem(http.get("/api/trips", rider(riderId)), 403, "forbidden");
        expectProblem(http.get("/api/trips?status=LOST", operator), 400, "validation");
    }

    @Test
    void theTripsLifeShowsInTheMetrics() {
        assignedTrip(UUID.randomUUID(), UUID.randomUUID());

        var metrics = http.get("/actuator/prometheus", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("hailway_trips_assignment_seconds_count",
                "hailway_trips_transitions_total{application=\"trips\",reason=\"none\",status=\"DRIVER_ASSIGNED\"}",
                "hailway_trips_active{application=\"trips\",status=\"REQUESTED\"}");
    }

    private UUID assignedTrip(UUID riderId, UUID driverId) {
        var tripId = requestTrip(riderId);
        publish(PaymentTopics.PAYMENTS, tripId,
                new PaymentAuthorized(UUID.randomUUID(), tripId, riderId, TestKeys.fare(), Instant.now()));
        awaitStatus(tripId, TripStatus.PAYMENT_AUTHORIZED);
        publish(DispatchTopics.OFFERS, tripId, new DriverAssigned(tripId, driverId, UUID.randomUUID(), Instant.now()));
        awaitStatus(tripId, TripStatus.DRIVER_ASSIGNED);
        return tripId;
    }
}
