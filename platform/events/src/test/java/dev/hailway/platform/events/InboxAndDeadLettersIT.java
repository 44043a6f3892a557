package dev.hailway.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.hailway.platform.events.EventsTestApplication.AccountRegistered;
import dev.hailway.platform.events.EventsTestApplication.Listeners;
import dev.hailway.platform.events.internal.DeadLetter;
import dev.hailway.platform.events.internal.DeadLetterEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.ObjectMapper;

@EventsIntegration
class InboxAndDeadLettersIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    Listeners listeners;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    DeadLetterEndpoint deadLetters;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper mapper;

    @Test
    void redeliveredEnvelopeIsAppliedOnce() throws Exception {
        String accountId = "acc-" + UUID.randomUUID();
        EventEnvelope envelope = envelope(accountId);
        EventEnvelope next = envelope(accountId);

        send("it.inbox", envelope);
        send("it.inbox", envelope);
        send("it.inbox", next);

        // Same key, same partition, in order: once the next one is applied, the redelivery has been handled.
        await().atMost(TIMEOUT).until(() -> listeners.applied.contains(next));
        assertThat(listeners.applied.stream().filter(envelope::equals)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM applied WHERE event_id = :id").param("id", envelope.id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT event_type FROM inbox WHERE event_id = :id").param("id", envelope.id())
                .query(String.class).single()).isEqualTo("AccountRegistered");
    }

    @Test
    void listenerThatKeepsFailingSendsTheRecordToTheDeadLetterTopicAndReplayPutsItBack() throws Exception {
        listeners.healed = false;
        int attemptsBefore = listeners.failingAttempts.get();
        String accountId = "acc-" + UUID.randomUUID();
        EventEnvelope envelope = envelope(accountId);

        send("it.failing", envelope);

        DeadLetter letter = awaitDeadLetter("it.failing.DLT", accountId);
        assertThat(letter.originalTopic()).isEqualTo("it.failing");
        assertThat(letter.exceptionMessage()).contains("downstream unavailable");
        assertThat(letter.value()).contains(envelope.id().toString());
        // One delivery and three retries, then the dead letter.
        assertThat(listeners.failingAttempts.get() - attemptsBefore).isEqualTo(4);

        listeners.healed = true;
        Map<String, Object> result = deadLetters.replay("replay", letter.topic(), letter.partition(), letter.offset());

        assertThat(result).containsEntry("replayed", 1);
        await().atMost(TIMEOUT).until(() -> listeners.failingProcessed.contains(envelope));
    }

    @Test
    void poisonMessageGoesStraightToTheDeadLetterTopic() throws Exception {
        String key = "poison-" + UUID.randomUUID();

        kafka.send("it.poison", key, "{not json".getBytes(StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);

        DeadLetter letter = awaitDeadLetter("it.poison.DLT", key);
        assertThat(letter.value()).isEqualTo("{not json");
        assertThat(letter.originalTopic()).isEqualTo("it.poison");
        assertThat(listeners.poisonInvocations).hasValue(0);
    }

    private DeadLetter awaitDeadLetter(String topic, String key) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> find(deadLetters.deadLetters(), topic, key), letter -> letter != null);
    }

    private static DeadLetter find(List<DeadLetter> letters, String topic, String key) {
        return letters.stream().filter(l -> l.topic().equals(topic) && key.equals(l.key())).findFirst().orElse(null);
    }

    private EventEnvelope envelope(String accountId) {
        return EventEnvelope.wrap(accountId, new AccountRegistered(accountId, accountId + "@example.com"),
                Instant.now(), null, mapper);
    }

    private void send(String topic, EventEnvelope envelope) throws Exception {
        kafka.send(topic, envelope.aggregateId(), mapper.writeValueAsBytes(envelope)).get(30, TimeUnit.SECONDS);
    }
}
