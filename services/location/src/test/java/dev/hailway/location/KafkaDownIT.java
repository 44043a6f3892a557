package dev.hailway.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.location.index.DriverIndex;
import dev.hailway.location.index.Position;
import dev.hailway.location.support.Http;
import dev.hailway.platform.infra.DatabaseCredentials;
import dev.hailway.platform.infra.KafkaBroker;
import dev.hailway.platform.testing.SharedInfrastructure;
import dev.hailway.platform.testing.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.ObjectMapper;

/**
 * Kafka goes away under a running location service (as in the chaos run, where pings answered 500 and clients waited
 * out their 10 s). The service gets a broker of its own for this, so that stopping it leaves the other ITs' broker be.
 */
class KafkaDownIT {

    /** Well under the gateway's and the simulator's 10 s, with room for a slow CI machine. */
    private static final Duration CALLERS_TIMEOUT = Duration.ofSeconds(5);
    private static final GeoPoint SOMEWHERE = new GeoPoint(33.4996, 126.5312);

    private final int kafkaPort = freePort();
    private final int controllerPort = freePort();
    private KafkaBroker broker;
    private ConfigurableApplicationContext location;

    @AfterEach
    void stop() {
        if (location != null) {
            location.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void pingsAre503WithRetryAfterWithinTheCallersTimeoutWhileKafkaIsDownAndAcceptedAgainOnceItIsBack()
            throws Exception {
        Path logDirectory = Files.createTempDirectory("location-kafka-down-");
        broker = KafkaBroker.start(kafkaPort, controllerPort, logDirectory);
        location = start(SharedInfrastructure.freshDatabase("location"), broker.bootstrapServers());
        Http http = new Http(((WebServerApplicationContext) location).getWebServer().getPort());
        LocationItSupport.warmUp(http);
        ObjectMapper mapper = location.getBean(ObjectMapper.class);
        DriverIndex index = location.getBean(DriverIndex.class);
        UUID driverId = UUID.randomUUID();
        String driver = TestTokens.driver(driverId);
        Instant before = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
        assertThat(ping(http, mapper, driver, before).status()).isEqualTo(202);

        broker.close();

        Http.Response last = null;
        Duration lastTook = Duration.ZERO;
        // The first few wait out the publishing timeout (2 s); once those failed the breaker answers at once.
        for (int i = 1; i <= 5; i++) {
            long started = System.nanoTime();
            last = ping(http, mapper, driver, before.plusSeconds(i));
            lastTook = Duration.ofNanos(System.nanoTime() - started);

            assertThat(lastTook).isLessThan(CALLERS_TIMEOUT);
            LocationItSupport.expectProblem(last, 503, "service-unavailable");
            assertThat(last.header("Retry-After")).isEqualTo("5");
        }
        assertThat(lastTook).isLessThan(Duration.ofSeconds(1));
        // Nothing of the refused pings was kept: the retries below are new positions, not old ones to skip.
        assertThat(index.lastPosition(driverId)).contains(new Position(SOMEWHERE, before));

        broker = KafkaBroker.start(kafkaPort, controllerPort, logDirectory);

        Instant retried = before.plusSeconds(10);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> ping(http, mapper, driver, retried).status() == 202);
        assertThat(index.lastPosition(driverId)).contains(new Position(SOMEWHERE, retried));
    }

    private static Http.Response ping(Http http, ObjectMapper mapper, String driver, Instant at) {
        return http.post("/api/locations", driver, mapper.writeValueAsString(LocationItSupport.ping(SOMEWHERE, at)));
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
                "--spring.kafka.consumer.group-id=location-kafka-down-" + UUID.randomUUID(),
                "--hailway.location.stale-after=10m");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
