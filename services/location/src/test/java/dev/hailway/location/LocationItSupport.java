package dev.hailway.location;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.location.support.Http;
import dev.hailway.platform.testing.TestTokens;
import dev.hailway.platform.events.EventEnvelope;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared by the location ITs so that they run against one cached application context. */
@LocationIntegration
abstract class LocationItSupport {

    static final GeoPoint CITY_HALL = new GeoPoint(37.5665, 126.9780);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    ObjectMapper mapper;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    Http http;

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("hailway.security.jwks-uri", TestTokens::jwksUri);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
        warmUp(http);
    }

    /**
     * Waits until the service has fetched the test JWKS: on a loaded machine the very first fetch can time out,
     * which is about the machine, not about what these tests check.
     */
    static void warmUp(Http http) {
        String service = TestTokens.service("warm-up");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> http.get("/internal/drivers/nearby?lat=0&lng=0", service).status() == 200);
    }

    static GeoPoint offset(GeoPoint from, double north, double east) {
        return new GeoPoint(from.lat() + north / 111_195.0,
                from.lng() + east / (111_195.0 * Math.cos(Math.toRadians(from.lat()))));
    }

    static Map<String, Object> ping(GeoPoint point, Instant at) {
        Map<String, Object> ping = new LinkedHashMap<>();
        ping.put("lat", point.lat());
        ping.put("lng", point.lng());
        ping.put("heading", 90.0);
        ping.put("speedKmh", 30.0);
        ping.put("at", at.toString());
        return ping;
    }

    String json(Object value) {
        return mapper.writeValueAsString(value);
    }

    /** Sends an event as its producer would: the envelope as JSON bytes, keyed by the aggregate id. */
    void publish(String topic, String key, Object event) throws Exception {
        publish(topic, EventEnvelope.wrap(key, event, Instant.now(), null, mapper));
    }

    void publish(String topic, EventEnvelope envelope) throws Exception {
        kafka.send(topic, envelope.aggregateId(), mapper.writeValueAsBytes(envelope)).get(30, TimeUnit.SECONDS);
    }

    static void expectProblem(Http.Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://hailway.dev/problems/" + slug);
    }

    static void expectInvalid(Http.Response response, int status, String... fields) {
        expectProblem(response, status, "validation");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(fields);
    }
}
