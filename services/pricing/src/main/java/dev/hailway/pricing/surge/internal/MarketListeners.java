package dev.hailway.pricing.surge.internal;

import dev.hailway.drivers.api.DriverTopics;
import dev.hailway.drivers.api.DriverWentOffline;
import dev.hailway.drivers.api.DriverWentOnline;
import dev.hailway.location.api.DriverPositionReported;
import dev.hailway.location.api.LocationTopics;
import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.platform.events.Inbox;
import dev.hailway.pricing.surge.Cells;
import dev.hailway.pricing.surge.MarketSignals;
import dev.hailway.pricing.surge.MarketSignals.DemandKind;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripTopics;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.ObjectMapper;

/**
 * Demand (trip requests) and supply (drivers' positions and shifts) from the other services' topics, each event
 * applied once through the inbox. Events of other types on these topics are none of pricing's business and are
 * skipped without an inbox row.
 */
class MarketListeners {

    private final MarketSignals signals;
    private final Cells cells;
    private final Inbox inbox;
    private final ObjectMapper mapper;

    MarketListeners(MarketSignals signals, Cells cells, Inbox inbox, ObjectMapper mapper) {
        this.signals = signals;
        this.cells = cells;
        this.inbox = inbox;
        this.mapper = mapper;
    }

    @KafkaListener(id = "pricing-trips", topics = TripTopics.TRIPS)
    void onTrip(EventEnvelope envelope) {
        if (envelope.carries(TripRequested.class)) {
            var requested = envelope.payloadAs(TripRequested.class, mapper);
            inbox.apply(envelope, () -> signals.demand(requested.tripId(), DemandKind.TRIP_REQUEST,
                    cells.of(requested.pickup()), requested.requestedAt()));
        }
    }

    @KafkaListener(id = "pricing-positions", topics = LocationTopics.POSITIONS)
    void onPosition(EventEnvelope envelope) {
        if (envelope.carries(DriverPositionReported.class)) {
            var reported = envelope.payloadAs(DriverPositionReported.class, mapper);
            inbox.apply(envelope, () -> signals.driverPosition(reported.driverId(), cells.of(reported.position()),
                    reported.at()));
        }
    }

    @KafkaListener(id = "pricing-drivers", topics = DriverTopics.DRIVERS)
    void onDriver(EventEnvelope envelope) {
        if (envelope.carries(DriverWentOnline.class)) {
            var online = envelope.payloadAs(DriverWentOnline.class, mapper);
            inbox.apply(envelope, () -> signals.driverOnline(online.driverId(), online.at()));
        } else if (envelope.carries(DriverWentOffline.class)) {
            var offline = envelope.payloadAs(DriverWentOffline.class, mapper);
            inbox.apply(envelope, () -> signals.driverOffline(offline.driverId(), offline.at()));
        }
    }
}
