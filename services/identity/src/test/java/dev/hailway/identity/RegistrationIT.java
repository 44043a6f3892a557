package dev.hailway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.identity.api.AccountRegistered;
import dev.hailway.identity.api.IdentityTopics;
import dev.hailway.identity.support.Http;
import dev.hailway.platform.testing.TopicReader;
import dev.hailway.platform.testing.EmbeddedInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure(database = "identity")
class RegistrationIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void everyBadInputIsAProblemAndStoresNothing() {
        long accounts = count("accounts");
        String taken = "taken-" + UUID.randomUUID() + "@example.org";
        assertThat(http.post("/api/auth/register", valid(taken)).status()).isEqualTo(201);

        expectProblem(http.post("/api/auth/register", "{\"role\": \"RIDER\", \"email\": "), 400, "malformed-request");
        expectProblem(http.post("/api/auth/register", "[]"), 400, "malformed-request");
        expectProblem(http.post("/api/auth/register", Map.of("role", "RIDER")), 400, "validation");
        expectProblem(http.post("/api/auth/register", with("role", "PILOT")), 400, "validation");
        expectProblem(http.post("/api/auth/register", with("role", "OPERATOR")), 400, "validation");
        expectProblem(http.post("/api/auth/register", with("password", "too short")), 400, "validation");
        expectProblem(http.post("/api/auth/register", with("password", "x".repeat(129))), 400, "validation");
        expectProblem(http.post("/api/auth/register", with("email", "not-an-address")), 400, "validation");
        expectProblem(http.post("/api/auth/register", with("name", "")), 400, "validation");
        expectProblem(http.post("/api/auth/register", with("name", "n".repeat(101))), 400, "validation");
        expectInvalid(http.post("/api/auth/register", with("name", "Ann\u0000")), "name");
        expectInvalid(http.post("/api/auth/register", with("name", "Ann\u0007\u001B[31m")), "name");
        expectInvalid(http.post("/api/auth/register", with("email", "ann\u0000-" + UUID.randomUUID() + "@example.org")),
                "email");
        expectInvalid(http.post("/api/auth/register", with("password", "correct horse\u0000battery")), "password");
        expectProblem(http.post("/api/auth/register", "{\"role\": \"RIDER\", \"email\": \"n-" + UUID.randomUUID()
                + "@example.org\", \"password\": \"correct horse battery\", \"name\": 12345}"), 400,
                "malformed-request");
        expectProblem(http.post("/api/auth/register", "{\"role\": \"RIDER\", \"email\": \"p-" + UUID.randomUUID()
                + "@example.org\", \"password\": 1234567890123, \"name\": \"Someone\"}"), 400, "malformed-request");
        var duplicate = http.post("/api/auth/register", valid(" " + taken.toUpperCase()));
        expectProblem(duplicate, 409, "conflict");
        assertThat(duplicate.body()).doesNotContain(taken);
        expectProblem(http.post("/api/auth/register", with("name", "n".repeat(1024 * 1024))), 413,
                "payload-too-large");

        // The outbox row is written in the account's transaction, so the account count covers it; counting
        // event_publication rows would race with platform-events deleting completed publications.
        assertThat(count("accounts")).isEqualTo(accounts + 1);
    }

    @Test
    void aLoginWithAControlCharacterInTheAddressIsRefusedNamingTheField() {
        expectInvalid(http.post("/api/auth/login", Map.of("email", "ann\u0000@example.org",
                "password", "correct horse battery")), "email");
    }

    @Test
    void aValueOfTheWrongJsonTypeIsNamedAndNotConverted() {
        var response = http.post("/api/auth/register", "{\"role\": \"RIDER\", \"email\": \"typed-" + UUID.randomUUID()
                + "@example.org\", \"password\": \"correct horse battery\", \"name\": 12345}");

        expectProblem(response, 400, "malformed-request");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void namesEachInvalidField() {
        var response = http.post("/api/auth/register", Map.of("role", "OPERATOR", "email", "nope", "password", "short",
                "name", " "));

        expectProblem(response, 400, "validation");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).contains("role", "email", "password", "name");
        assertThat(response.body()).doesNotContain("short");
    }

    @Test
    void theSameIdempotencyKeyTwiceOpensOneAccount() {
        String email = "idem-" + UUID.randomUUID() + "@example.org";
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        var first = http.post("/api/auth/register", valid(email), key);
        var again = http.post("/api/auth/register", valid(email), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("accountId")).isEqualTo(first.json().get("accountId"));
        assertThat(accountsWith(email)).isEqualTo(1);
        var changed = new HashMap<>(valid(email));
        changed.put("name", "Someone Else");
        expectProblem(http.post("/api/auth/register", changed, key), 422, "idempotency-key-reused");
    }

    @Test
    void twoStrangersWhoPickTheSameIdempotencyKeyBothRegister() {
        var key = Map.of("Idempotency-Key", "my-first-key");
        String ann = "ann-" + UUID.randomUUID() + "@example.org";
        String bob = "bob-" + UUID.randomUUID() + "@example.org";

        var first = http.post("/api/auth/register", valid(ann), key);
        var second = http.post("/api/auth/register", valid(bob), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("accountId")).isNotEqualTo(first.json().get("accountId"));
        assertThat(accountsWith(bob)).isEqualTo(1);
    }

    @Test
    void anEmptyIdempotencyKeyIsABadRequestAndOpensNothing() {
        String email = "empty-key-" + UUID.randomUUID() + "@example.org";

        expectInvalid(http.post("/api/auth/register", valid(email), Map.of("Idempotency-Key", "")), "Idempotency-Key");
        assertThat(accountsWith(email)).isZero();
    }

    @Test
    void theSameIdempotencyKeyConcurrentlyOpensOneAccount() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.org";
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Callable<Http.Response> register = () -> http.post("/api/auth/register", valid(email), key);

        List<Http.Response> responses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (var future : pool.invokeAll(List.of(register, register, register, register))) {
                responses.add(future.get());
            }
        }

        // Overlapping the first in flight (409) or all after it (201, replayed): the scheduler decides, both are right
        // (containsOnly would demand a 409 as well, and failed when none overlapped).
        assertThat(responses).extracting(Http.Response::status).isSubsetOf(201, 409).contains(201);
        assertThat(responses).filteredOn(response -> response.status() == 409)
                .allSatisfy(response -> expectProblem(response, 409, "idempotency-key-in-flight"));
        assertThat(responses).filteredOn(response -> response.status() == 201)
                .extracting(response -> response.json().get("accountId").asString()).containsOnly(
                        responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json()
                                .get("accountId").asString());
        assertThat(accountsWith(email)).isEqualTo(1);
    }

    @Test
    void eachNewAccountIsAnnouncedOnTheAccountsTopicExactlyOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = "event-" + UUID.randomUUID() + "@example.org";
            ids.add(http.post("/api/auth/register", valid(email)).json().get("accountId").asString());
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from event_publication where completion_date is null").query(Long.class).single())
                .isZero());
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(kafka, IdentityTopics.ACCOUNTS);

        for (String id : ids) {
            var mine = records.stream().filter(record -> id.equals(record.key())).toList();
            assertThat(mine).hasSize(1);
            JsonNode envelope = Http.JSON.readTree(mine.getFirst().value());
            assertThat(envelope.get("type").asString()).isEqualTo("AccountRegistered");
            assertThat(envelope.get("version").asInt()).isEqualTo(AccountRegistered.VERSION);
            assertThat(envelope.get("aggregateId").asString()).isEqualTo(id);
            assertThat(envelope.get("id").asString()).isNotBlank();
            assertThat(envelope.get("occurredAt").asString()).isNotBlank();
            var event = Http.JSON.treeToValue(envelope.get("payload"), AccountRegistered.class);
            assertThat(event.accountId().toString()).isEqualTo(id);
            assertThat(event.email()).startsWith("event-");
            assertThat(event.role().name()).isEqualTo("RIDER");
            assertThat(event.name()).isEqualTo("Someone");
            assertThat(envelope.get("payload").toString()).doesNotContain("password", "hash");
        }
    }

    private Map<String, String> valid(String email) {
        return Map.of("role", "RIDER", "email", email, "password", "correct horse battery", "name", "Someone");
    }

    private Map<String, String> with(String field, String value) {
        var body = new HashMap<>(valid("with-" + UUID.randomUUID() + "@example.org"));
        body.put(field, value);
        return body;
    }

    private static void expectInvalid(Http.Response response, String field) {
        expectProblem(response, 400, "validation");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).as(response.body()).contains(field);
    }

    private static void expectProblem(Http.Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://hailway.dev/problems/" + slug);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long accountsWith(String email) {
        return jdbc.sql("select count(*) from accounts where email = :email").param("email", email)
                .query(Long.class).single();
    }
}
