package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

import dev.hailway.identity.api.IdentityTopics;
import dev.hailway.runtime.Platform;

/**
 * {@code AccountRegistered} reaches Kafka once per account, even when identity crashes right after the request.
 *
 * <p>"Once" is one event: one envelope id. The outbox delivers at least once, so a crash in the few milliseconds
 * between the broker's acknowledgement and the outbox's own bookkeeping can put the same envelope on the topic a
 * second time; consumers' inboxes apply it once (docs/adr/0002). Without a crash the topic holds exactly one record.
 */
@ExtendWith(PlatformExtension.class)
class PublishingAccountRegisteredIT {

    private final Platform platform;
    private final Api api;
    private final Map<String, List<JsonNode>> envelopesByAccount = new ConcurrentHashMap<>();
    private KafkaConsumer<String, String> consumer;

    PublishingAccountRegisteredIT(Platform platform) {
        this.platform = platform;
        this.api = new Api(platform.gatewayUrl());
    }

    @BeforeEach
    void subscribe() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(IdentityTopics.ACCOUNTS));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void eachRegistrationIsPublishedOnceKeyedByTheAccount() {
        UUID first = register();
        UUID second = register();

        awaitExactlyOnce(first);
        awaitExactlyOnce(second);
        assertThat(envelopesByAccount.get(first.toString())).as("no crash here: one record").hasSize(1);
        assertThat(envelopesByAccount.get(second.toString())).hasSize(1);
        JsonNode envelope = envelopesByAccount.get(first.toString()).getFirst();
        assertThat(envelope.get("type").asString()).isEqualTo("AccountRegistered");
        assertThat(envelope.get("version").asInt()).isEqualTo(1);
        assertThat(envelope.get("aggregateId").asString()).isEqualTo(first.toString());
        assertThat(envelope.get("payload").get("role").asString()).isEqualTo("RIDER");
        assertThat(envelope.get("id").asString()).isNotBlank();
    }

    @Test
    void aRegistrationIsPublishedOnceEvenWhenIdentityIsKilledRightAfterAnsweringIt() {
        UUID account = register();
        platform.kill("identity");

        platform.start("identity");

        awaitExactlyOnce(account);
        assertThat(api.post("/api/auth/login", null, Map.of("email", "nobody@example.test", "password", "whatever it is")).status())
                .as("identity answers again after the restart").isEqualTo(401);
    }

    private UUID register() {
        String email = "outbox-" + UUID.randomUUID() + "@example.test";
        Api.Response response = api.post("/api/auth/register", null,
                Map.of("role", "RIDER", "email", email, "password", "long enough password", "name", "Outbox"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("accountId").asString());
    }

    /**
     * Waits until the account's event has arrived, keeps reading for a few quiet seconds, then checks that every
     * record for the account carries the same envelope: one event, not two registrations.
     */
    private void awaitExactlyOnce(UUID account) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            poll();
            return envelopesByAccount.containsKey(account.toString());
        });
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() -> {
            int before = envelopesByAccount.get(account.toString()).size();
            poll();
            return envelopesByAccount.get(account.toString()).size() == before;
        });
        List<JsonNode> records = envelopesByAccount.get(account.toString());
        assertThat(records).extracting(envelope -> envelope.get("id").asString()).as("one event id").containsOnly(records.getFirst().get("id").asString());
        assertThat(records).as("at most the one resend the outbox may make after a crash").hasSizeLessThanOrEqualTo(2);
    }

    private void poll() {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
            JsonNode envelope = Api.JSON.readTree(record.value());
            String accountId = envelope.get("payload").get("accountId").asString();
            assertThat(record.key()).isEqualTo(accountId);
            envelopesByAccount.computeIfAbsent(accountId, id -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(envelope);
        }
    }
}
