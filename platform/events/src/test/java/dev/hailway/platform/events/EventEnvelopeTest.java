package dev.hailway.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventEnvelopeTest {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Instant now = Instant.parse("2026-01-02T03:04:05Z");

    record AccountRegistered(String accountId, String email) {
    }

    record PaymentCaptured(String paymentId, long amount) {
        public static final int VERSION = 3;
    }

    @Test
    void wrapsAnEventWithItsTypeVersionAndPayload() {
        EventEnvelope envelope = EventEnvelope.wrap("acc-1", new AccountRegistered("acc-1", "a@b.c"), now,
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", mapper);

        assertThat(envelope.type()).isEqualTo("AccountRegistered");
        assertThat(envelope.version()).isEqualTo(1);
        assertThat(envelope.aggregateId()).isEqualTo("acc-1");
        assertThat(envelope.occurredAt()).isEqualTo(now);
        assertThat(envelope.traceparent()).startsWith("00-0af7651916cd43dd8448eb211c80319c");
        assertThat(envelope.payload().get("email").asString()).isEqualTo("a@b.c");
        assertThat(envelope.id().version()).isEqualTo(7);
    }

    @Test
    void carriesTheVersionTheEventDeclares() {
        EventEnvelope envelope = EventEnvelope.wrap("p-1", new PaymentCaptured("p-1", 1200), now, null, mapper);

        assertThat(envelope.version()).isEqualTo(3);
        assertThat(envelope.carries(PaymentCaptured.class)).isTrue();
        assertThat(envelope.carries(AccountRegistered.class)).isFalse();
    }

    @Test
    void survivesAJsonRoundTripAndReadsItsPayloadBack() {
        EventEnvelope envelope = EventEnvelope.wrap("acc-1", new AccountRegistered("acc-1", "a@b.c"), now, null, mapper);

        String json = mapper.writeValueAsString(envelope);
        EventEnvelope read = mapper.readValue(json, EventEnvelope.class);

        assertThat(read).isEqualTo(envelope);
        assertThat(read.payloadAs(AccountRegistered.class, mapper)).isEqualTo(new AccountRegistered("acc-1", "a@b.c"));
        JsonNode tree = mapper.readTree(json);
        assertThat(tree.get("occurredAt").asString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(tree.propertyNames()).containsExactly(
                "id", "type", "version", "occurredAt", "aggregateId", "traceparent", "payload");
    }

    @Test
    void refusesAPayloadThatIsNotAJsonObject() {
        assertThatThrownBy(() -> new EventEnvelope(UUID.randomUUID(), "X", 1, now, "a", null,
                mapper.valueToTree("just a string")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void givesTimeOrderedIds() {
        UUID earlier = TimeOrderedIds.at(1_000_000L);
        UUID later = TimeOrderedIds.at(2_000_000L);

        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.toString()).isLessThan(later.toString());
    }
}
