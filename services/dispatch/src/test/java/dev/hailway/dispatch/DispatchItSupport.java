package dev.hailway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.dispatch.api.DispatchTopics;
import dev.hailway.dispatch.support.FakeServices;
import dev.hailway.dispatch.support.Http;
import dev.hailway.platform.testing.TopicReader;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.location.api.NearbyDriver;
import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.platform.testing.EmbeddedInfrastructure;
import dev.hailway.platform.testing.SharedInfrastructure;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripDispatchRequested;
import dev.hailway.trips.api.TripPaid;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.api.TripTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.core.ConditionTimeoutException;
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
 * One application context for every dispatch IT: the real service on a random port, the embedded PostgreSQL and
 * Kafka, a fake location and identity, and short timings (offers expire after 6 s, matching gives up after 14 s
 * or 3 refusals) so that timeouts and give-ups happen within a test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hailway.logging.format=plain",
        "hailway.dispatch.offer-timeout=6s",
        "hailway.dispatch.max-refusals=3",
        "hailway.dispatch.deadline=14s",
        "hailway.dispatch.retry-every=500ms",
        "hailway.dispatch.sweep-interval=200ms",
        "hailway.dispatch.location.timeout=2s",
        "hailway.dispatch.location.retries=1",
        "hailway.dispatch.location.backoff=50ms",
        "hailway.dispatch.location.window=4",
        "hailway.dispatch.location.open-for=1s",
        "hailway.events.resubmission.interval=1s",
        "hailway.events.resubmission.min-age=2s"})
@EmbeddedInfrastructure(database = "dispatch")
abstract class DispatchItSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final AtomicInteger PICKUPS = new AtomicInteger();

    @Value("${local.server.port}")
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    ObjectMapper mapper;

    final FakeServices fakes = FakeServices.get();
    Http http;

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        createTripsTopic();
        registry.add("hailway.security.jwks-uri", () -> FakeServices.get().url() + "/jwks");
        registry.add("hailway.services.location.url", () -> FakeServices.get().url());
        registry.add("hailway.security.service.token-uri",
                () -> FakeServices.get().url() + "/internal/auth/service-token");
        registry.add("hailway.security.service.client-id", () -> "dispatch");
        registry.add("hailway.security.service.client-secret", () -> FakeServices.SERVICE_CLIENT_SECRET);
    }

    /** Trips owns the topic; here it must exist before dispatch's listener subscribes. */
    private static void createTripsTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TripTopics.TRIPS, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A pickup no other test uses, so that the fake location's answer for it is this test's alone. */
    static GeoPoint freshPickup() {
        return new GeoPoint(30 + PICKUPS.incrementAndGet() * 0.001, 126.978);
    }

    static NearbyDriver candidate(UUID driverId, long distanceMeters) {
        return new NearbyDriver(driverId, new GeoPoint(37.5, 127.0), VehicleClass.STANDARD, distanceMeters);
    }

    /** A trip whose pickup location answers with these candidates, handed to dispatch. */
    UUID dispatchTripWith(NearbyDriver... candidates) {
        GeoPoint pickup = freshPickup();
        fakes.candidatesAt(pickup.lat(), List.of(candidates));
        UUID tripId = UUID.randomUUID();
        send(requested(tripId, pickup));
        return tripId;
    }

    EventEnvelope requested(UUID tripId, GeoPoint pickup) {
        return envelope(tripId, new TripDispatchRequested(tripId, UUID.randomUUID(), pickup,
                new GeoPoint(37.55, 126.99), VehicleClass.STANDARD, Money.of(15000, "KRW"), Instant.now()));
    }

    void cancel(UUID tripId, UUID driverId) {
        send(envelope(tripId, new TripCancelled(tripId, UUID.randomUUID(), driverId,
                CancellationReason.RIDER_CANCELLED, TripStatus.PAYMENT_AUTHORIZED, Money.zero("KRW"), Instant.now())));
    }

    void paid(UUID tripId, UUID driverId) {
        send(envelope(tripId, new TripPaid(tripId, UUID.randomUUID(), driverId, Money.of(15000, "KRW"),
                Money.of(12000, "KRW"), Instant.now())));
    }

    EventEnvelope envelope(UUID tripId, Object event) {
        return EventEnvelope.wrap(tripId.toString(), event, Instant.now(), null, mapper);
    }

    void send(EventEnvelope envelope) {
        try {
            kafka.send(TripTopics.TRIPS, envelope.aggregateId(), mapper.writeValueAsBytes(envelope))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record StoredOffer(UUID offerId, UUID driverId, String status) {
    }

    List<StoredOffer> offersOf(UUID tripId) {
        return jdbc.sql("SELECT offer_id, driver_id, status FROM offers WHERE trip_id = :trip ORDER BY made_at")
                .param("trip", tripId)
                .query((rs, row) -> new StoredOffer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3)))
                .list();
    }

    /** Waits for the trip's pending offer to {@code driverId}. */
    UUID awaitPendingOffer(UUID tripId, UUID driverId) {
        try {
            return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(
                    () -> offersOf(tripId).stream()
                            .filter(offer -> offer.driverId().equals(driverId) && offer.status().equals("PENDING"))
                            .map(StoredOffer::offerId).findFirst().orElse(null),
                    id -> id != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no pending offer to " + driverId + " for trip " + tripId + "; dispatch "
                    + jdbc.sql("SELECT status || ' refusals=' || refusals || ' next=' || coalesce(next_attempt_at::text, '-')"
                            + " FROM dispatches WHERE trip_id = :trip").param("trip", tripId).query(String.class)
                            .optional().orElse("unknown")
                    + ", offers " + offersOf(tripId), e);
        }
    }

    String dispatchStatus(UUID tripId) {
        return jdbc.sql("SELECT status FROM dispatches WHERE trip_id = :trip").param("trip", tripId)
                .query(String.class).optional().orElse(null);
    }

    long liveAssignmentsOf(UUID driverId) {
        return jdbc.sql("SELECT count(*) FROM assignments WHERE driver_id = :driver AND live")
                .param("driver", driverId).query(Long.class).single();
    }

    /** The envelopes dispatch published for the trip, in order, once there are at least {@code atLeast}. */
    List<JsonNode> awaitEvents(UUID tripId, int atLeast) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> events(tripId),
                events -> events.size() >= atLeast);
    }

    List<JsonNode> events(UUID tripId) {
        return TopicReader.readAll(bootstrapServers, DispatchTopics.OFFERS).stream()
                .filter(record -> tripId.toString().equals(record.key()))
                .map(record -> Http.JSON.readTree(record.value()))
                .toList();
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.get("type").asString()).toList();
    }

    static void expectProblem(Http.Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://hailway.dev/problems/" + slug);
    }

    static Set<String> statuses(List<StoredOffer> offers) {
        return Set.copyOf(offers.stream().map(StoredOffer::status).toList());
    }
}
