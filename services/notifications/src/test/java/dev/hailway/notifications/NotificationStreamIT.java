package dev.hailway.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.dispatch.api.DispatchTopics;
import dev.hailway.dispatch.api.OfferMade;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.platform.testing.SseClient;
import dev.hailway.platform.testing.TestTokens;
import dev.hailway.platform.testing.EmbeddedInfrastructure;
import dev.hailway.trips.api.TripDriverAssigned;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hailway.logging.format=plain", "spring.kafka.consumer.properties.metadata.max.age.ms=1000"})
@EmbeddedInfrastructure(kafka = true)
class NotificationStreamIT {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final GeoPoint PICKUP = new GeoPoint(37.5665, 126.9780);

    @TestConfiguration
    static class Topics {
        // Owned by trips and dispatch; here they must exist before the listener subscribes.
        @Bean
        NewTopic trips() {
            return TopicBuilder.name(TripTopics.TRIPS).partitions(3).build();
        }

        @Bean
        NewTopic offers() {
            return TopicBuilder.name(DispatchTopics.OFFERS).partitions(3).build();
        }
    }

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("hailway.security.jwks-uri", TestTokens::jwksUri);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void listenerHasItsPartitions() {
        await().atMost(TIMEOUT).until(() -> {
            var assigned = listeners.getListenerContainer("notifications-ride-events").getAssignedPartitions();
            return assigned != null && assigned.size() == 6;
        });
    }

    @Test
    void aStreamCarriesOnlyTheCallersOwnTripsAndOffers() throws Exception {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID driver = UUID.randomUUID();
        try (SseClient alices = SseClient.open(url(), TestTokens.forAccount(alice, "RIDER"));
             SseClient bobs = SseClient.open(url(), TestTokens.forAccount(bob, "RIDER"));
             SseClient drivers = SseClient.open(url(), TestTokens.forAccount(driver, "DRIVER"))) {
            assertThat(alices.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            UUID warmUp = awaitLiveConsumer(alice, alices);

            UUID bobsTrip = UUID.randomUUID();
            publish(TripTopics.TRIPS, bobsTrip, requested(bobsTrip, bob));
            await().atMost(TIMEOUT).until(() -> tripsIn(bobs).contains(bobsTrip.toString()));

            UUID alicesTrip = UUID.randomUUID();
            UUID offer = UUID.randomUUID();
            publish(TripTopics.TRIPS, alicesTrip, requested(alicesTrip, alice));
            publish(DispatchTopics.OFFERS, alicesTrip, new OfferMade(offer, alicesTrip, driver, PICKUP, PICKUP,
                    Money.of(15_000, "KRW"), 2_000, Instant.now().plusSeconds(15), Instant.now()));
            publish(TripTopics.TRIPS, alicesTrip, new TripDriverAssigned(alicesTrip, alice, driver, Instant.now()));
            await().atMost(TIMEOUT).until(() -> ownEvents(alices, warmUp).size() == 2
                    && drivers.events().size() == 2);

            // Published after Alice's events were pushed, through the one consumer: if Bob were to get any of
            // hers, they would be in his stream before this one.
            publish(TripTopics.TRIPS, bobsTrip, new TripDriverAssigned(bobsTrip, bob, UUID.randomUUID(), Instant.now()));
            await().atMost(TIMEOUT).until(() -> bobs.events().size() == 2);

            assertThat(ownEvents(alices, warmUp)).extracting(SseClient.Event::name)
                    .containsExactly("TripRequested", "TripDriverAssigned");
            JsonNode assigned = mapper.readTree(ownEvents(alices, warmUp).get(1).data());
            assertThat(assigned.path("tripId").asString()).isEqualTo(alicesTrip.toString());
            assertThat(assigned.path("status").asString()).isEqualTo("DRIVER_ASSIGNED");
            assertThat(assigned.path("driverId").asString()).isEqualTo(driver.toString());
            assertThat(assigned.has("at")).isTrue();

            assertThat(tripsIn(bobs)).containsOnly(bobsTrip.toString());
            assertThat(bobs.events()).extracting(SseClient.Event::name)
                    .containsExactly("TripRequested", "TripDriverAssigned");

            assertThat(drivers.events()).extracting(SseClient.Event::name)
                    .containsExactlyInAnyOrder("OfferMade", "TripDriverAssigned");
            JsonNode offered = mapper.readTree(drivers.events().stream()
                    .filter(e -> e.name().equals("OfferMade")).findFirst().orElseThrow().data());
            assertThat(offered.path("offerId").asString()).isEqualTo(offer.toString());
            assertThat(offered.path("fare").path("amount").asLong()).isEqualTo(15_000);
        }
    }

    @Test
    void aClientThatReconnectsWithItsLastEventIdGetsWhatItMissed() throws Exception {
        UUID rider = UUID.randomUUID();
        String token = TestTokens.forAccount(rider, "RIDER");
        UUID trip = UUID.randomUUID();
        String lastSeen;
        try (SseClient first = SseClient.open(url(), token)) {
            UUID warmUp = awaitLiveConsumer(rider, first);
            publish(TripTopics.TRIPS, trip, requested(trip, rider));
            await().atMost(TIMEOUT).until(() -> ownEvents(first, warmUp).size() == 1);
            lastSeen = ownEvents(first, warmUp).getFirst().id();
        }
        // While that client is away, another of the rider's devices shows when the next event has been pushed.
        UUID driver = UUID.randomUUID();
        try (SseClient witness = SseClient.open(url(), token)) {
            publish(TripTopics.TRIPS, trip, new TripDriverAssigned(trip, rider, driver, Instant.now()));
            await().atMost(TIMEOUT).until(() -> hasEvent(witness, "TripDriverAssigned"));
        }

        try (SseClient back = SseClient.open(url(), token, Map.of("Last-Event-ID", lastSeen))) {
            await().atMost(TIMEOUT).until(() -> hasEvent(back, "TripDriverAssigned"));
            assertThat(back.events()).extracting(SseClient.Event::name).containsExactly("TripDriverAssigned");
            assertThat(mapper.readTree(back.events().getFirst().data()).path("driverId").asString())
                    .isEqualTo(driver.toString());
        }
    }

    @Test
    void aClientWhoseLastEventIsNotKeptIsToldToReloadAndAMalformedOneIsRefused() throws Exception {
        String token = TestTokens.forAccount(UUID.randomUUID(), "RIDER");
        try (SseClient back = SseClient.open(url(), token, Map.of("Last-Event-ID", UUID.randomUUID().toString()))) {
            await().atMost(TIMEOUT).until(() -> hasEvent(back, "resync"));
            assertThat(back.events().getFirst().name()).isEqualTo("resync");
        }

        HttpResponse<String> malformed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url()))
                .header("Authorization", "Bearer " + token).header("Last-Event-ID", "not-an-id").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(malformed.body()).path("type").asString())
                .isEqualTo("https://hailway.dev/problems/validation");
    }

    private static boolean hasEvent(SseClient stream, String name) {
        return stream.events().stream().anyMatch(event -> name.equals(event.name()));
    }

    @Test
    void aFourthStreamOfOneAccountIsRefused() throws Exception {
        UUID rider = UUID.randomUUID();
        String token = TestTokens.forAccount(rider, "RIDER");
        try (SseClient one = SseClient.open(url(), token);
             SseClient two = SseClient.open(url(), token);
             SseClient three = SseClient.open(url(), token)) {
            HttpResponse<String> fourth = get(token);

            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(fourth.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(mapper.readTree(fourth.body()).path("type").asString())
                    .isEqualTo("https://hailway.dev/problems/rate-limited");
        }
    }

    @Test
    void withoutATokenTheStreamIsRefusedWithAProblem() throws Exception {
        HttpResponse<String> response = get(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(mapper.readTree(response.body()).path("type").asString())
                .isEqualTo("https://hailway.dev/problems/unauthorized");
    }

    /**
     * The group starts at the latest offset once its partitions are assigned; events published in between are
     * skipped by design. Publishing until one arrives makes sure the consumer is live before the test proper.
     */
    private UUID awaitLiveConsumer(UUID rider, SseClient stream) {
        UUID warmUp = UUID.randomUUID();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            publish(TripTopics.TRIPS, warmUp, requested(warmUp, rider));
            return tripsIn(stream).contains(warmUp.toString());
        });
        return warmUp;
    }

    private List<SseClient.Event> ownEvents(SseClient stream, UUID warmUp) {
        return stream.events().stream().filter(e -> !e.data().contains(warmUp.toString())).toList();
    }

    private List<String> tripsIn(SseClient stream) {
        return stream.events().stream().map(e -> mapper.readTree(e.data()).path("tripId").asString()).toList();
    }

    private TripRequested requested(UUID trip, UUID rider) {
        return new TripRequested(trip, rider, UUID.randomUUID(), PICKUP, PICKUP, VehicleClass.STANDARD,
                Money.of(12_000, "KRW"), UUID.randomUUID(), Instant.now());
    }

    private void publish(String topic, UUID key, Object event) throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID());
        envelope.put("type", event.getClass().getSimpleName());
        envelope.put("version", 1);
        envelope.put("occurredAt", Instant.now());
        envelope.put("aggregateId", key.toString());
        envelope.put("traceparent", null);
        envelope.put("payload", event);
        kafka.send(topic, key.toString(), mapper.writeValueAsString(envelope)).get(30, TimeUnit.SECONDS);
    }

    private HttpResponse<String> get(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url())).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url() {
        return "http://localhost:" + port + "/api/notifications/stream";
    }
}
