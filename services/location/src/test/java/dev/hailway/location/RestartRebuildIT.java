package dev.hailway.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.drivers.api.DriverTopics;
import dev.hailway.drivers.api.DriverWentOnline;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.location.index.DriverIndex;
import dev.hailway.location.index.Position;
import dev.hailway.location.support.Http;
import dev.hailway.platform.testing.TestTokens;
import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.platform.infra.DatabaseCredentials;
import dev.hailway.platform.testing.SharedInfrastructure;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * A second instance on the same database and Kafka knows, before it reports ready, where every driver was (from the
 * compacted positions topic) and who is online (from its own tables).
 */
class RestartRebuildIT {

    private static final String GROUP = "location-restart-" + UUID.randomUUID();
    private static final GeoPoint SOMEWHERE = new GeoPoint(35.1796 + Math.random(), 129.0756);

    @Test
    void aRestartedInstanceRebuildsTheIndexBeforeItIsReady() throws Exception {
        DatabaseCredentials database = SharedInfrastructure.freshDatabase("location");
        String kafka = SharedInfrastructure.kafkaBootstrapServers();
        UUID driver = UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        try (var first = start(database, kafka)) {
            Http http = new Http(port(first));
            LocationItSupport.warmUp(http);
            ObjectMapper mapper = first.getBean(ObjectMapper.class);
            @SuppressWarnings("unchecked")
            KafkaTemplate<Object, Object> template = first.getBean(KafkaTemplate.class);
            EventEnvelope online = EventEnvelope.wrap(driver.toString(),
                    new DriverWentOnline(driver, VehicleClass.COMFORT, Instant.now()), Instant.now(), null, mapper);
            template.send(DriverTopics.DRIVERS, driver.toString(), mapper.writeValueAsBytes(online))
                    .get(30, TimeUnit.SECONDS);
            Map<String, Object> ping = new LinkedHashMap<>();
            ping.put("lat", SOMEWHERE.lat());
            ping.put("lng", SOMEWHERE.lng());
            ping.put("at", at.toString());
            assertThat(http.post("/api/locations", TestTokens.driver(driver), mapper.writeValueAsString(ping))
                    .status()).isEqualTo(202);
            Awaitility.await().atMost(Duration.ofSeconds(90))
                    .until(() -> nearby(http).contains(driver.toString()));
            // Let the producer finish: the position must be on the topic before this instance goes away.
            template.flush();
        }

        try (var second = start(database, kafka)) {
            DriverIndex index = second.getBean(DriverIndex.class);
            Http http = new Http(port(second));

            // Runners finish before run() returns: by now the rebuild is done, without waiting for any event.
            assertThat(index.lastPosition(driver)).contains(new Position(SOMEWHERE, at));
            assertThat(index.availability(driver).offers(VehicleClass.COMFORT)).isTrue();
            assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
            LocationItSupport.warmUp(http);
            assertThat(nearby(http)).contains(driver.toString());
        }
    }

    private static String nearby(Http http) {
        var response = http.get("/internal/drivers/nearby?lat=" + SOMEWHERE.lat() + "&lng=" + SOMEWHERE.lng()
                + "&radiusMeters=1000&k=5", TestTokens.service("dispatch"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static ConfigurableApplicationContext start(DatabaseCredentials database, String kafka) {
        return new SpringApplicationBuilder(LocationApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.datasource.hikari.maximum-pool-size=3",
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--hailway.security.jwks-uri=" + TestTokens.jwksUri(),
                "--hailway.logging.format=plain",
                // Its own consumer groups: the other ITs' context listens on the same broker in this JVM.
                "--spring.kafka.consumer.group-id=" + GROUP,
                "--hailway.location.stale-after=10m");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
