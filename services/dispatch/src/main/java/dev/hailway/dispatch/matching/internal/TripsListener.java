package dev.hailway.dispatch.matching.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.hailway.dispatch.matching.Matching;
import dev.hailway.dispatch.matching.TripId;
import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.platform.events.Inbox;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripDispatchRequested;
import dev.hailway.trips.api.TripPaid;
import dev.hailway.trips.api.TripTopics;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.ObjectMapper;

/** The trip's life as dispatch cares about it; each envelope applied once through the inbox. */
final class TripsListener {

    private final Inbox inbox;
    private final Matching matching;
    private final MatchingRunner runner;
    private final ObjectMapper mapper;

    TripsListener(Inbox inbox, Matching matching, MatchingRunner runner, ObjectMapper mapper) {
        this.inbox = inbox;
        this.matching = matching;
        this.runner = runner;
        this.mapper = mapper;
    }

    @KafkaListener(id = "dispatch-trips", topics = TripTopics.TRIPS)
    void on(EventEnvelope envelope) {
        if (envelope.carries(TripDispatchRequested.class)) {
            TripDispatchRequested event = envelope.payloadAs(TripDispatchRequested.class, mapper);
            TripId tripId = new TripId(event.tripId());
            AtomicBoolean started = new AtomicBoolean();
            inbox.apply(envelope, () -> started.set(matching.start(tripId, event.riderId(), event.pickup(),
                    event.dropoff(), event.vehicleClass(), event.fare())));
            if (started.get()) {
                // Location is asked after the commit and off this thread: the listener never waits on it.
                runner.attemptSoon(tripId);
            }
        } else if (envelope.carries(TripCancelled.class)) {
            TripCancelled event = envelope.payloadAs(TripCancelled.class, mapper);
            inbox.apply(envelope, () -> matching.cancel(new TripId(event.tripId())));
        } else if (envelope.carries(TripPaid.class)) {
            TripPaid event = envelope.payloadAs(TripPaid.class, mapper);
            inbox.apply(envelope, () -> matching.release(new TripId(event.tripId())));
        }
    }
}
