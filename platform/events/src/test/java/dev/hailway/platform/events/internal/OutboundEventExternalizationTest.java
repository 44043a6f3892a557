package dev.hailway.platform.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import dev.hailway.platform.events.EventEnvelope;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import tools.jackson.databind.json.JsonMapper;

class OutboundEventExternalizationTest {

    record TripRequested(String tripId) {
    }

    private final EventExternalizationConfiguration configuration = EventsAutoConfiguration.outboundEvents();
    private final EventEnvelope envelope = EventEnvelope.wrap("trip-7", new TripRequested("trip-7"),
            Instant.parse("2026-01-01T00:00:00Z"), null, JsonMapper.builder().build());
    private final OutboundEvent event = new OutboundEvent("trips.trips", envelope);

    @Test
    void externalizesOnlyOutboundEvents() {
        assertThat(configuration.supports(event)).isTrue();
        assertThat(configuration.supports(new TripRequested("trip-7"))).isFalse();
    }

    @Test
    void routesToTheTopicKeyedByAggregateId() {
        RoutingTarget target = configuration.determineTarget(event);

        assertThat(target.getTarget()).isEqualTo("trips.trips");
        assertThat(target.getKey()).isEqualTo("trip-7");
    }

    @Test
    void sendsTheEnvelopeWithItsIdTypeAndVersionAsHeaders() {
        assertThat(configuration.map(event)).isSameAs(envelope);
        assertThat(configuration.getHeadersFor(configuration.map(event)))
                .containsEntry("hailway-event-id", envelope.id().toString())
                .containsEntry("hailway-event-type", "TripRequested")
                .containsEntry("hailway-event-version", "1");
    }
}
