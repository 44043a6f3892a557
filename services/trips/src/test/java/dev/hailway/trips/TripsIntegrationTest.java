package dev.hailway.trips;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.platform.testing.EmbeddedInfrastructure;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.api.TripTopics;
import dev.hailway.trips.support.Http;
import dev.hailway.trips.support.TestKeys;
import dev.hailway.platform.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Shared by every trips IT, so that they all run against one application context: a real server, the embedded
 * PostgreSQL and Kafka, identity's and pricing's keys served by {@link TestKeys}. Other services are played by
 * publishing their events, in their envelopes, onto their topics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hailway.logging.format=plain",
        "hailway.events.retry.backoff=100ms",
        "hailway.services.pricing.min-refresh-interval=100ms",
        "hailway.trips.timeouts.sweep-interval=200ms"})
@EmbeddedInfrastructure(database = "trips")
public abstract class TripsIntegrationTest {

    protected static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Value("${local.server.port}")
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String kafkaServers;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ObjectMapper mapper;
    @Autowired
    KafkaTemplate<Object, Object> kafka;

    protected Http http;
    protected final String operator = TestKeys.accessToken(UUID.randomUUID(), "OPERATOR");

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("hailway.security.jwks-uri", TestKeys::jwksUri);
        registry.add("hailway.services.pricing.url", TestKeys::baseUrl);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
        // The first token check fetches identity's keys with a 500 ms timeout, which a loaded build machine can miss
        // (a 500, not a test failure worth having): wait until tokens are checked, then the keys stay cached.
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/trips/" + UUID.randomUUID(), operator).status() == 404);
    }

    protected static String rider(UUID id) {
        return TestKeys.accessToken(id, "RIDER");
    }

    protected static String driver(UUID id) {
        return TestKeys.accessToken(id, "DRIVER");
    }

    protected static Map<String, Object> body(String signedQuote) {
        return Map.of("quoteId", signedQuote, "paymentMethodId", UUID.randomUUID().toString());
    }

    /** A new trip for {@code riderId}, REQUESTED. */
    protected UUID requestTrip(UUID riderId) {
        var response = http.post("/api/trips", rider(riderId), body(TestKeys.quote(riderId).sign()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get("tripId").asString());
    }

    /** As another service publishes it: wrapped in its envelope, keyed by the trip. */
    protected EventEnvelope publish(String topic, UUID tripId, Object event) {
        var envelope = EventEnvelope.wrap(tripId.toString(), event, Instant.now(), null, mapper);
        send(topic, envelope);
        return envelope;
    }

    protected void send(String topic, EventEnvelope envelope) {
        try {
            kafka.send(topic, envelope.aggregateId(), mapper.writeValueAsBytes(envelope)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode view(UUID tripId) {
        var response = http.get("/api/trips/" + tripId, operator);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    protected JsonNode awaitStatus(UUID tripId, TripStatus status) {
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> view(tripId).get("status").asString().equals(status.name()));
        return view(tripId);
    }

    /** The trip's events on {@code trips.trips} once the outbox has sent everything, in order. */
    protected List<JsonNode> tripEvents(UUID tripId) {
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from event_publication where completion_date is null").query(Long.class).single())
                .isZero());
        return TopicReader.readAll(kafkaServers, TripTopics.TRIPS).stream()
                .filter(record -> tripId.toString().equals(record.key()))
                .map(record -> Http.JSON.readTree(record.value()))
                .toList();
    }

    protected List<String> tripEventTypes(UUID tripId) {
        return tripEvents(tripId).stream().map(envelope -> envelope.get("type").asString()).toList();
    }

    protected void awaitEventTypes(UUID tripId, String... types) {
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300))
                .until(() -> tripEventTypes(tripId).equals(List.of(types)));
    }

    protected long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    protected static JsonNode expectProblem(Http.Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://hailway.dev/problems/" + slug);
        return response.json();
    }
}
