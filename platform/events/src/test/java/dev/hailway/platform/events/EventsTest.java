package dev.hailway.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.hailway.platform.events.internal.OutboundEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

class EventsTest {

    record DriverWentOnline(String driverId) {
    }

    private final List<Object> published = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    private final Events events = new Events(published::add, JsonMapper.builder().build(),
            () -> "00-11111111111111111111111111111111-2222222222222222-01", clock);

    @AfterEach
    void clearTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void refusesToPublishOutsideATransaction() {
        assertThatThrownBy(() -> events.publish("drivers.drivers", "d-1", new DriverWentOnline("d-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
        assertThat(published).isEmpty();
    }

    @Test
    void publishesTheEnvelopeForItsTopicInsideATransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(true);

        EventEnvelope envelope = events.publish("drivers.drivers", "d-1", new DriverWentOnline("d-1"));

        assertThat(published).containsExactly(new OutboundEvent("drivers.drivers", envelope));
        assertThat(envelope.occurredAt()).isEqualTo(clock.instant());
        assertThat(envelope.traceparent()).isEqualTo("00-11111111111111111111111111111111-2222222222222222-01");
        assertThat(envelope.type()).isEqualTo("DriverWentOnline");
    }
}
