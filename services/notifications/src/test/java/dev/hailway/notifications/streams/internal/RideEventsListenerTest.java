package dev.hailway.notifications.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import dev.hailway.notifications.streams.LiveStreams;
import dev.hailway.notifications.streams.Notification;
import dev.hailway.notifications.streams.RecentNotifications;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RideEventsListenerTest {

    final RideEventsListener listener = new RideEventsListener(new LiveStreams(3, new RecentNotifications(10, Duration.ofMinutes(5)), Clock.systemUTC()), JsonMapper.builder().build());
    final UUID id = UUID.randomUUID();
    final UUID trip = UUID.randomUUID();
    final UUID rider = UUID.randomUUID();
    final UUID driver = UUID.randomUUID();

    @Test
    void readsAnEnvelopeIntoNotificationsForItsRiderAndDriver() {
        String envelope = """
                {"id":"%s","type":"TripStarted","version":1,"occurredAt":"2026-11-25T10:00:00Z","aggregateId":"%s",
                 "traceparent":null,"payload":{"tripId":"%s","riderId":"%s","driverId":"%s","at":"2026-11-25T10:00:00Z"}}
                """.formatted(id, trip, trip, rider, driver);

        assertThat(listener.notificationsOf(envelope)).extracting(Notification::recipient, Notification::id, Notification::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(rider, id, "TripStarted"),
                        org.assertj.core.groups.Tuple.tuple(driver, id, "TripStarted"));
    }

    @Test
    void skipsWhatItCannotReadOrDoesNotKnow() {
        assertThat(listener.notificationsOf("{not json")).isEmpty();
        assertThat(listener.notificationsOf("""
                {"id":"%s","type":"OfferExpired","payload":{}}""".formatted(id))).isEmpty();
        assertThat(listener.notificationsOf("""
                {"id":"not-a-uuid","type":"TripStarted","payload":{}}""")).isEmpty();
        assertThat(listener.notificationsOf("""
                {"id":"%s","type":"TripStarted","payload":{"tripId":"x"}}""".formatted(id))).isEmpty();
    }
}
