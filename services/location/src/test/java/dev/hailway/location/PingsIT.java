package dev.hailway.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hailway.location.api.LocationTopics;
import dev.hailway.location.index.DriverIndex;
import dev.hailway.location.index.Position;
import dev.hailway.platform.testing.TestTokens;
import dev.hailway.platform.testing.TopicReader;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.config.ConfigResource;

class PingsIT extends LocationItSupport {

    @Autowired
    DriverIndex index;

    UUID driverId;
    String driver;
    Instant now;

    @BeforeEach
    void driver() {
        driverId = UUID.randomUUID();
        driver = TestTokens.driver(driverId);
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void acceptsOnePingOrABatchAndPublishesThemKeyedByDriver() {
        var one = http.post("/api/locations", driver, json(ping(CITY_HALL, now.minusSeconds(8))));
        assertThat(one.status()).isEqualTo(202);
        assertThat(one.json().get("accepted").asInt()).isEqualTo(1);

        var batch = http.post("/api/locations", driver, json(List.of(
                ping(offset(CITY_HALL, 30, 0), now.minusSeconds(4)), ping(offset(CITY_HALL, 60, 0), now))));
        assertThat(batch.status()).isEqualTo(202);
        assertThat(batch.json().get("accepted").asInt()).isEqualTo(2);

        assertThat(index.lastPosition(driverId)).contains(new Position(offset(CITY_HALL, 60, 0), now));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                TopicReader.valuesFor(bootstrapServers, LocationTopics.POSITIONS, driverId.toString())).hasSize(3));
        String latest = TopicReader.valuesFor(bootstrapServers, LocationTopics.POSITIONS, driverId.toString()).get(2);
        assertThat(latest).contains("\"type\":\"DriverPositionReported\"").contains(now.toString());
    }

    @Test
    void anOutOfOrderPingIsIgnoredNotAnError() {
        http.post("/api/locations", driver, json(ping(CITY_HALL, now)));

        var late = http.post("/api/locations", driver, json(ping(offset(CITY_HALL, 20, 0), now.minusSeconds(4))));

        assertThat(late.status()).isEqualTo(202);
        assertThat(late.json().get("accepted").asInt()).isZero();
        assertThat(index.lastPosition(driverId)).contains(new Position(CITY_HALL, now));
    }

    @Test
    void impossiblePingsAreProblemsNamingTheFieldAndChangeNothing() {
        http.post("/api/locations", driver, json(ping(CITY_HALL, now.minusSeconds(10))));
        Position before = index.lastPosition(driverId).orElseThrow();

        expectInvalid(http.post("/api/locations", driver, json(with("lat", 90.5))), 400, "lat");
        expectInvalid(http.post("/api/locations", driver, json(with("lng", -181))), 400, "lng");
        expectInvalid(http.post("/api/locations", driver, json(with("heading", 360))), 400, "heading");
        expectInvalid(http.post("/api/locations", driver, json(with("speedKmh", -1))), 400, "speedKmh");
        expectInvalid(http.post("/api/locations", driver, json(with("speedKmh", 301))), 400, "speedKmh");
        expectInvalid(http.post("/api/locations", driver, json(with("at", now.plusSeconds(60).toString()))), 400, "at");
        expectInvalid(http.post("/api/locations", driver, "{\"lat\": 37.5}"), 400, "lng", "at");
        // The good first ping of a batch is not kept when the second is impossible.
        expectInvalid(http.post("/api/locations", driver, json(List.of(ping(offset(CITY_HALL, 10, 0), now),
                with("heading", -5)))), 400, "[1].heading");
        // 5 km in 10 s: possible on its own, not after the previous position.
        expectInvalid(http.post("/api/locations", driver, json(ping(offset(CITY_HALL, 5000, 0), now))), 422,
                "lat", "lng");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(ping(CITY_HALL, now.minusSeconds(200 - i)));
        }
        expectInvalid(http.post("/api/locations", driver, json(tooMany)), 400, "");
        expectInvalid(http.post("/api/locations", driver, "[]"), 400, "");
        expectProblem(http.post("/api/locations", driver, "{\"lat\": \"north\", \"lng\": 1, \"at\": \"" + now + "\"}"),
                400, "malformed-request");
        expectProblem(http.post("/api/locations", driver, "[1, 2]"), 400, "malformed-request");
        expectProblem(http.post("/api/locations", driver, "\"here\""), 400, "malformed-request");
        expectProblem(http.post("/api/locations", driver, "{\"lat\": "), 400, "malformed-request");

        assertThat(index.lastPosition(driverId)).contains(before);
        assertThat(TopicReader.valuesFor(bootstrapServers, LocationTopics.POSITIONS, driverId.toString()))
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void onlyDriversReportPositions() {
        expectProblem(http.post("/api/locations", TestTokens.rider(), json(ping(CITY_HALL, now))), 403, "forbidden");
        expectProblem(http.post("/api/locations", TestTokens.service("dispatch"), json(ping(CITY_HALL, now))), 403,
                "forbidden");
        expectProblem(http.post("/api/locations", null, json(ping(CITY_HALL, now))), 401, "unauthorized");
    }

    @Test
    void thePositionsTopicIsCompacted() throws Exception {
        try (var admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers))) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, LocationTopics.POSITIONS);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        }
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> ping = ping(offset(CITY_HALL, 10, 0), now);
        ping.put(field, value);
        return ping;
    }
}
