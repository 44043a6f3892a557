package dev.hailway.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.hailway.drivers.api.DriverTopics;
import dev.hailway.drivers.support.Http;
import dev.hailway.platform.testing.TestTokens;
import dev.hailway.platform.testing.TopicReader;
import dev.hailway.identity.api.AccountRegistered;
import dev.hailway.identity.api.IdentityTopics;
import dev.hailway.identity.api.Role;
import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.platform.testing.EmbeddedInfrastructure;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hailway.logging.format=plain")
@EmbeddedInfrastructure(database = "drivers")
class DriversIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, String> SONATA = Map.of("plate", "12가 3456", "model", "Hyundai Sonata",
            "vehicleClass", "STANDARD");

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
    UUID driverId;
    String driver;

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("hailway.security.jwks-uri", TestTokens::jwksUri);
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        // On a loaded machine the first JWKS fetch can time out; that is about the machine, not these tests.
        String rider = TestTokens.rider();
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/api/drivers/me", rider).status() == 403);
        driverId = UUID.randomUUID();
        driver = TestTokens.driver(driverId);
    }

    @Test
    void aDriverRegistersAVehicleGoesOnlineOnceAndOffline() {
        var vehicle = http.put("/api/drivers/me/vehicle", driver, SONATA);
        assertThat(vehicle.status()).isEqualTo(200);
        assertThat(vehicle.json().get("plate").asString()).isEqualTo("12가 3456");
        assertThat(vehicle.json().get("vehicleClass").asString()).isEqualTo("STANDARD");

        assertThat(http.post("/api/drivers/me/online", driver, "").status()).isEqualTo(200);
        var again = http.post("/api/drivers/me/online", driver, "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("shift").asString()).isEqualTo("ONLINE");

        JsonNode me = http.get("/api/drivers/me", driver).json();
        assertThat(me.get("shift").asString()).isEqualTo("ONLINE");
        assertThat(me.get("rating").asDouble()).isEqualTo(5.0);
        assertThat(me.get("vehicle").get("model").asString()).isEqualTo("Hyundai Sonata");

        assertThat(http.post("/api/drivers/me/offline", driver, "").json().get("shift").asString()).isEqualTo("OFFLINE");

        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(types(driverId))
                .containsExactly("VehicleRegistered", "DriverWentOnline", "DriverWentOffline"));
        String online = TopicReader.valuesFor(bootstrapServers, DriverTopics.DRIVERS, driverId.toString()).stream()
                .filter(value -> value.contains("\"DriverWentOnline\"")).findFirst().orElseThrow();
        assertThat(online).contains("\"vehicleClass\":\"STANDARD\"").contains(driverId.toString());
    }

    @Test
    void concurrentOnlineCallsPublishOnce() throws Exception {
        assertThat(http.put("/api/drivers/me/vehicle", driver, SONATA).status()).isEqualTo(200);
        Callable<Integer> online = () -> http.post("/api/drivers/me/online", driver, "").status();
        try (var pool = Executors.newFixedThreadPool(4)) {
            var results = pool.invokeAll(List.of(online, online, online, online));
            for (var result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        }
        // A later event of the same driver marks the point by which any duplicate would have been sent.
        http.post("/api/drivers/me/offline", driver, "");
        awaitEvent("DriverWentOffline");
        assertThat(types(driverId)).containsOnlyOnce("DriverWentOnline");
    }

    @Test
    void goingOnlineWithoutAVehicleIsAConflict() {
        var response = http.post("/api/drivers/me/online", driver, "");

        expectProblem(response, 409, "conflict");
        assertThat(http.get("/api/drivers/me", driver).json().get("shift").asString()).isEqualTo("OFFLINE");
        http.put("/api/drivers/me/vehicle", driver, SONATA);
        awaitEvent("VehicleRegistered");
        assertThat(types(driverId)).doesNotContain("DriverWentOnline");
    }

    @Test
    void everyBadVehicleIsAProblemNamingTheFieldAndChangesNothing() {
        assertThat(http.put("/api/drivers/me/vehicle", driver, SONATA).status()).isEqualTo(200);
        awaitEvent("VehicleRegistered");

        expectInvalid(http.put("/api/drivers/me/vehicle", driver, with("plate", "A")), "plate");
        expectInvalid(http.put("/api/drivers/me/vehicle", driver, with("plate", " A  ")), "plate");
        expectInvalid(http.put("/api/drivers/me/vehicle", driver, with("plate", "AB_12")), "plate");
        expectInvalid(http.put("/api/drivers/me/vehicle", driver, with("plate", "1".repeat(17))), "plate");
        expectInvalid(http.put("/api/drivers/me/vehicle", driver, with("model", "")), "model");
        expectInvalid(http.put("/api/drivers/me/vehicle", driver, with("model", "m".repeat(61))), "model");
        expectInvalid(http.put("/api/drivers/me/vehicle", driver, with("vehicleClass", "LIMO")), "vehicleClass");
        expectInvalid(http.put("/api/drivers/me/vehicle", driver, Map.of("plate", "AB 12")), "model");
        expectProblem(http.put("/api/drivers/me/vehicle", driver, "{\"plate\": "), 400, "malformed-request");
        expectProblem(http.put("/api/drivers/me/vehicle", driver, "x".repeat(300 * 1024)), 413, "payload-too-large");

        assertThat(http.get("/api/drivers/me", driver).json().get("vehicle").get("plate").asString())
                .isEqualTo("12가 3456");
        http.post("/api/drivers/me/online", driver, "");
        awaitEvent("DriverWentOnline");
        assertThat(types(driverId)).containsOnlyOnce("VehicleRegistered");
    }

    @Test
    void theVehicleIsLockedDuringAShift() {
        http.put("/api/drivers/me/vehicle", driver, SONATA);
        http.post("/api/drivers/me/online", driver, "");

        expectProblem(http.put("/api/drivers/me/vehicle", driver, with("vehicleClass", "XL")), 409, "conflict");
        assertThat(http.get("/api/drivers/me", driver).json().get("vehicle").get("vehicleClass").asString())
                .isEqualTo("STANDARD");
    }

    @Test
    void ridersAndStrangersAreTurnedAway() {
        long drivers = count("drivers");
        String rider = TestTokens.rider();
        expectProblem(http.get("/api/drivers/me", rider), 403, "forbidden");
        expectProblem(http.put("/api/drivers/me/vehicle", rider, SONATA), 403, "forbidden");
        expectProblem(http.post("/api/drivers/me/online", rider, ""), 403, "forbidden");
        expectProblem(http.get("/api/drivers/me", null), 401, "unauthorized");
        assertThat(count("drivers")).isEqualTo(drivers);
    }

    @Test
    void aRegisteredDriverAccountGetsItsProfileOnceAndRidersGetNone() throws Exception {
        UUID riderId = UUID.randomUUID();
        EventEnvelope registered = registered(driverId, Role.DRIVER);
        EventEnvelope rider = registered(riderId, Role.RIDER);
        send(registered);
        send(registered);
        send(rider);
        Awaitility.await().atMost(TIMEOUT).until(() -> inInbox(registered) && inInbox(rider));

        assertThat(exists(driverId)).isTrue();
        assertThat(exists(riderId)).isFalse();
        JsonNode me = http.get("/api/drivers/me", driver).json();
        assertThat(me.get("driverId").asString()).isEqualTo(driverId.toString());
        assertThat(me.get("shift").asString()).isEqualTo("OFFLINE");
        assertThat(jdbc.sql("select count(*) from inbox where event_id = :id").param("id", registered.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aProfileMadeByTheFirstCallIsNotDisturbedByTheLateEvent() throws Exception {
        http.put("/api/drivers/me/vehicle", driver, SONATA);

        EventEnvelope late = registered(driverId, Role.DRIVER);
        send(late);
        Awaitility.await().atMost(TIMEOUT).until(() -> jdbc.sql("select count(*) from inbox where event_id = :id")
                .param("id", late.id()).query(Long.class).single() == 1);

        assertThat(http.get("/api/drivers/me", driver).json().get("vehicle").get("plate").asString())
                .isEqualTo("12가 3456");
    }

    private EventEnvelope registered(UUID accountId, Role role) {
        return EventEnvelope.wrap(accountId.toString(), new AccountRegistered(accountId,
                accountId + "@example.org", role, "Kim", Instant.now()), Instant.now(), null, mapper);
    }

    private void send(EventEnvelope envelope) throws Exception {
        kafka.send(IdentityTopics.ACCOUNTS, envelope.aggregateId(), mapper.writeValueAsBytes(envelope))
                .get(30, TimeUnit.SECONDS);
    }

    private boolean inInbox(EventEnvelope envelope) {
        return jdbc.sql("select count(*) from inbox where event_id = :id").param("id", envelope.id())
                .query(Long.class).single() == 1;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("select count(*) from drivers where id = :id").param("id", id).query(Long.class).single() == 1;
    }

    /** Event types on the topic for this driver, once per envelope id: delivery is at least once. */
    private List<String> types(UUID driverId) {
        return TopicReader.valuesFor(bootstrapServers, DriverTopics.DRIVERS, driverId.toString()).stream()
                .map(mapper::readTree)
                .filter(distinctBy(node -> node.get("id").asString()))
                .map(node -> node.get("type").asString()).toList();
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, Object> key) {
        var seen = new java.util.HashSet<>();
        return value -> seen.add(key.apply(value));
    }

    private void awaitEvent(String type) {
        Awaitility.await().atMost(TIMEOUT).until(() -> types(driverId).contains(type));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static Map<String, String> with(String field, String value) {
        var body = new java.util.HashMap<>(SONATA);
        body.put(field, value);
        return body;
    }

    private static void expectInvalid(Http.Response response, String field) {
        expectProblem(response, 400, "validation");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
    }

    private static void expectProblem(Http.Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://hailway.dev/problems/" + slug);
    }
}
