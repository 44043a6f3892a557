package dev.hailway.location.availability.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.hailway.dispatch.api.DispatchTopics;
import dev.hailway.dispatch.api.DriverAssigned;
import dev.hailway.drivers.api.DriverTopics;
import dev.hailway.drivers.api.DriverWentOffline;
import dev.hailway.drivers.api.DriverWentOnline;
import dev.hailway.location.availability.TrackingAvailability;
import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.platform.events.Inbox;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripPaid;
import dev.hailway.trips.api.TripTopics;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.ObjectMapper;

/**
 * Shifts from drivers, assignments from dispatch, trip ends from trips. Every event goes through the inbox, so a
 * redelivery changes nothing; events of other types on these topics are none of location's business.
 */
class AvailabilityListeners {

    /** One consumer group per topic, named after the service's group ({@code location} unless configured). */
    private static final String GROUP = "${spring.kafka.consumer.group-id:location}";

    private final Inbox inbox;
    private final TrackingAvailability tracking;
    private final ObjectMapper mapper;

    AvailabilityListeners(Inbox inbox, TrackingAvailability tracking, ObjectMapper mapper) {
        this.inbox = inbox;
        this.tracking = tracking;
        this.mapper = mapper;
    }

    @KafkaListener(id = "location-drivers", groupId = GROUP + ".drivers", topics = DriverTopics.DRIVERS)
    void onDriver(EventEnvelope envelope) {
        if (envelope.carries(DriverWentOnline.class)) {
            apply(envelope, changed -> changed.add(tracking.on(envelope.payloadAs(DriverWentOnline.class, mapper))));
        } else if (envelope.carries(DriverWentOffline.class)) {
            apply(envelope, changed -> changed.add(tracking.on(envelope.payloadAs(DriverWentOffline.class, mapper))));
        }
    }

    @KafkaListener(id = "location-offers", groupId = GROUP + ".offers", topics = DispatchTopics.OFFERS)
    void onOffer(EventEnvelope envelope) {
        if (envelope.carries(DriverAssigned.class)) {
            apply(envelope, changed -> changed.add(tracking.on(envelope.payloadAs(DriverAssigned.class, mapper))));
        }
    }

    @KafkaListener(id = "location-trips", groupId = GROUP + ".trips", topics = TripTopics.TRIPS)
    void onTrip(EventEnvelope envelope) {
        if (envelope.carries(TripPaid.class)) {
            TripPaid paid = envelope.payloadAs(TripPaid.class, mapper);
            apply(envelope, changed -> tracking.tripEnded(paid.tripId(), paid.driverId()).ifPresent(changed::add));
        } else if (envelope.carries(TripCancelled.class)) {
            TripCancelled cancelled = envelope.payloadAs(TripCancelled.class, mapper);
            apply(envelope, changed -> tracking.tripEnded(cancelled.tripId(), cancelled.driverId())
                    .ifPresent(changed::add));
        }
    }

    private void apply(EventEnvelope envelope, java.util.function.Consumer<List<UUID>> handler) {
        List<UUID> changed = new ArrayList<>();
        inbox.apply(envelope, () -> handler.accept(changed));
        // After the commit: the index never shows what the database does not hold.
        tracking.refresh(changed);
    }
}
