package dev.hailway.chaos.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class TripEventsTest {

    private static final String DRIVER = "0195a3f2-0000-7000-8000-00000000d001";

    @Test
    void aTripsStatusIsTheOneAfterItsLastEvent() {
        List<TripEvents.Envelope> events = List.of(
                event("TripRequested", "t1", "{}"), event("TripRequested", "t2", "{}"),
                event("TripDispatchRequested", "t1", "{}"), event("TripCancelled", "t2", "{\"at\":\"2026-12-01T10:00:00Z\"}"),
                event("SomethingElse", "t1", "{}"));

        assertThat(TripEvents.finalStatuses(events)).isEqualTo(Map.of("t1", "PAYMENT_AUTHORIZED", "t2", "CANCELLED"));
    }

    @Test
    void anEnvelopePublishedAgainAfterLaterEventsCountsWhereItFirstArrived() {
        TripEvents.Envelope arrived = event("TripDriverArrived", "t1", "{}");
        List<TripEvents.Envelope> events = List.of(event("TripRequested", "t1", "{}"), arrived, event("TripStarted", "t1", "{}"),
                event("TripCompleted", "t1", "{\"at\":\"2026-12-01T10:00:00Z\"}"), event("TripPaid", "t1", "{}"), arrived);

        assertThat(TripEvents.finalStatuses(events)).isEqualTo(Map.of("t1", "PAID"));
    }

    @Test
    void anEventSentOnlyAfterItsSuccessorsDoesNotMoveTheTripBackAndIsReportedAsOutOfOrder() {
        List<TripEvents.Envelope> events = List.of(event("TripRequested", "t1", "{}"), event("TripStarted", "t1", "{}"),
                event("TripPaid", "t1", "{}"), event("TripDriverArrived", "t1", "{}"), event("TripRequested", "t2", "{}"));

        assertThat(TripEvents.finalStatuses(events)).isEqualTo(Map.of("t1", "PAID", "t2", "REQUESTED"));
        assertThat(TripEvents.reordered(events)).containsExactly("t1");
    }

    @Test
    void aDriverMayTakeTheNextTripOnceTheLastOneIsCompleted() {
        List<TripEvents.Envelope> events = List.of(
                assigned("t1", "10:00:00"), ended("TripCompleted", "t1", "10:05:00"),
                assigned("t2", "10:05:01"), ended("TripCancelled", "t2", "10:06:00"));

        assertThat(TripEvents.overlaps(TripEvents.assignments(events))).isEmpty();
    }

    @Test
    void aDriverAssignedWhileStillOnATripIsAnOverlap() {
        List<TripEvents.Envelope> events = List.of(
                assigned("t1", "10:00:00"), assigned("t2", "10:03:00"), ended("TripCompleted", "t1", "10:05:00"));

        assertThat(TripEvents.overlaps(TripEvents.assignments(events)))
                .singleElement().satisfies(pair -> assertThat(pair).extracting(TripEvents.Assignment::tripId).containsExactly("t1", "t2"));
    }

    @Test
    void aDriverAssignedAgainWhileTheFirstTripNeverEndedIsAnOverlap() {
        List<TripEvents.Envelope> events = List.of(assigned("t1", "10:00:00"), assigned("t2", "11:00:00"));

        assertThat(TripEvents.overlaps(TripEvents.assignments(events))).hasSize(1);
    }

    @Test
    void aRedeliveredAssignmentOfTheSameTripIsNotASecondTrip() {
        List<TripEvents.Envelope> events = List.of(assigned("t1", "10:00:00"), assigned("t1", "10:00:00"),
                ended("TripCompleted", "t1", "10:05:00"));

        assertThat(TripEvents.assignments(events)).hasSize(1);
        assertThat(TripEvents.overlaps(TripEvents.assignments(events))).isEmpty();
    }

    private static TripEvents.Envelope assigned(String trip, String time) {
        return event("TripDriverAssigned", trip, "{\"driverId\":\"" + DRIVER + "\",\"at\":\"2026-12-01T" + time + "Z\"}");
    }

    private static TripEvents.Envelope ended(String type, String trip, String time) {
        return event(type, trip, "{\"at\":\"2026-12-01T" + time + "Z\"}");
    }

    private static TripEvents.Envelope event(String type, String trip, String payload) {
        JsonNode json = TripEvents.JSON.readTree(payload);
        return new TripEvents.Envelope(java.util.UUID.randomUUID().toString(), type, trip, json, Map.of());
    }
}
