package dev.hailway.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.hailway.platform.events.EventsTestApplication.AccountRegistered;
import dev.hailway.platform.events.EventsTestApplication.FlakyKafkaTemplate;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@EventsIntegration
class OutboxIT {

    private static final String TOPIC = "it.accounts";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    Events events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    FlakyKafkaTemplate kafka;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    Tracer tracer;
    @Autowired
    ObservationRegistry observations;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    TransactionTemplate transactions;
    TopicReader topic;

    @BeforeEach
    void setUp() {
        transactions = new TransactionTemplate(transactionManager);
        topic = new TopicReader(bootstrapServers, TOPIC);
    }

    @AfterEach
    void tearDown() {
        kafka.failuresLeft.set(0);
        topic.close();
    }

    @Test
    void eventOfARolledBackTransactionNeverReachesKafka() {
        EventEnvelope rolledBack = register(true);
        EventEnvelope committed = register(false);

        await().atMost(TIMEOUT).until(() -> !topic.withValueContaining(committed.id().toString()).isEmpty());

        assertThat(topic.withValueContaining(rolledBack.id().toString())).isEmpty();
        assertThat(publicationsOf(rolledBack)).isZero();
        assertThat(accountExists(rolledBack.aggregateId())).isFalse();
    }

    @Test
    void committedEventArrivesOnceAsAnEnvelopeKeyedByAggregateId() {
        EventEnvelope sent = register(false);

        await().atMost(TIMEOUT).until(() -> !topic.withValueContaining(sent.id().toString()).isEmpty());
        // A later event on the same key comes after it: once that one is read, a duplicate would be too.
        EventEnvelope later = publishFor(sent.aggregateId());
        await().atMost(TIMEOUT).until(() -> !topic.withValueContaining(later.id().toString()).isEmpty());

        List<ConsumerRecord<String, String>> records = topic.withValueContaining(sent.id().toString());
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.getFirst();
        assertThat(record.key()).isEqualTo(sent.aggregateId());
        assertThat(header(record, "hailway-event-type")).isEqualTo("AccountRegistered");
        JsonNode json = mapper.readTree(record.value());
        assertThat(json.get("id").asString()).isEqualTo(sent.id().toString());
        assertThat(json.get("type").asString()).isEqualTo("AccountRegistered");
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("aggregateId").asString()).isEqualTo(sent.aggregateId());
        assertThat(json.get("occurredAt").asString()).isEqualTo(sent.occurredAt().toString());
        assertThat(json.get("payload").get("email").asString()).isEqualTo(sent.aggregateId() + "@example.com");
        assertThat(mapper.readValue(record.value(), EventEnvelope.class)).isEqualTo(sent);
        // Completed publications are deleted: nothing is left owed.
        await().atMost(TIMEOUT).until(() -> publicationsOf(sent) == 0);
    }

    @Test
    void publicationWhoseSendFailedIsResubmittedAndArrives() {
        // The template (and its count of failed sends) is shared by every events IT in this context.
        int failedBefore = kafka.failed.get();
        kafka.failuresLeft.set(1);

        EventEnvelope sent = register(false);

        // The failed publication stays owed in the registry until the resubmission gets it out.
        await().atMost(TIMEOUT).until(() -> kafka.failed.get() == failedBefore + 1);
        assertThat(publicationsOf(sent)).isEqualTo(1);
        await().atMost(TIMEOUT).until(() -> !topic.withValueContaining(sent.id().toString()).isEmpty());
        assertThat(kafka.failed).hasValue(failedBefore + 1);
        await().atMost(TIMEOUT).until(() -> publicationsOf(sent) == 0);
    }

    @Test
    void traceOfThePublisherTravelsInTheEnvelopeAndTheKafkaHeaders() {
        // An observation, as an HTTP request or a listener has one, around the transaction.
        String[] traceId = new String[1];
        EventEnvelope sent = Observation.createNotStarted("register-account", observations).observe(() -> {
            traceId[0] = tracer.currentSpan().context().traceId();
            return register(false);
        });

        await().atMost(TIMEOUT).until(() -> !topic.withValueContaining(sent.id().toString()).isEmpty());

        assertThat(sent.traceparent()).startsWith("00-" + traceId[0] + "-");
        ConsumerRecord<String, String> record = topic.withValueContaining(sent.id().toString()).getFirst();
        assertThat(header(record, "traceparent")).startsWith("00-" + traceId[0] + "-");
    }

    private EventEnvelope register(boolean rollBack) {
        String accountId = "acc-" + UUID.randomUUID();
        return transactions.execute(status -> {
            jdbc.sql("INSERT INTO accounts (id, email) VALUES (:id, :email)")
                    .param("id", accountId).param("email", accountId + "@example.com").update();
            EventEnvelope envelope = events.publish(TOPIC, accountId,
                    new AccountRegistered(accountId, accountId + "@example.com"));
            if (rollBack) {
                status.setRollbackOnly();
            }
            return envelope;
        });
    }

    private EventEnvelope publishFor(String accountId) {
        return transactions.execute(status -> events.publish(TOPIC, accountId,
                new AccountRegistered(accountId, accountId + "@example.com")));
    }

    private boolean accountExists(String id) {
        return jdbc.sql("SELECT count(*) FROM accounts WHERE id = :id").param("id", id).query(Integer.class).single() > 0;
    }

    private int publicationsOf(EventEnvelope envelope) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id")
                .param("id", "%" + envelope.id() + "%").query(Integer.class).single();
    }


    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
