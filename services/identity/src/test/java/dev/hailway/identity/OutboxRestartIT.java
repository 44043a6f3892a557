package dev.hailway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.identity.api.IdentityTopics;
import dev.hailway.identity.support.Http;
import dev.hailway.platform.testing.TopicReader;
import dev.hailway.platform.infra.DatabaseCredentials;
import dev.hailway.platform.testing.SharedInfrastructure;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox proof: an account registered while Kafka cannot be reached is stored with its event; the instance goes
 * away before it could deliver; a new instance on the same database delivers it, and the topic holds it exactly once.
 */
class OutboxRestartIT {

    @Test
    void anEventStuckInTheOutboxIsDeliveredOnceByTheNextInstance() throws Exception {
        DatabaseCredentials database = SharedInfrastructure.freshDatabase("identity");
        String kafka = SharedInfrastructure.kafkaBootstrapServers();
        String accountId;

        try (var unreachableKafka = new ServerSocket(0)) {
            // A port that accepts connections but never speaks Kafka: every send times out.
            String nowhere = "127.0.0.1:" + unreachableKafka.getLocalPort();
            try (var first = start(database, nowhere)) {
                var response = new Http(port(first)).post("/api/auth/register", Map.of("role", "DRIVER",
                        "email", "outbox-" + UUID.randomUUID() + "@example.org", "password", "correct horse battery",
                        "name", "Olga"));
                assertThat(response.status()).isEqualTo(201);
                accountId = response.json().get("accountId").asString();

                var jdbc = first.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select count(*) from accounts where id = :id::uuid").param("id", accountId)
                        .query(Long.class).single()).isEqualTo(1);
                assertThat(incompletePublications(jdbc)).isEqualTo(1);
            }
        }
        assertThat(TopicReader.readAll(kafka, IdentityTopics.ACCOUNTS))
                .noneMatch(record -> accountId.equals(record.key()));

        try (var second = start(database, kafka)) {
            var jdbc = second.getBean(JdbcClient.class);
            Awaitility.await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(incompletePublications(jdbc)).isZero());

            assertThat(TopicReader.readAll(kafka, IdentityTopics.ACCOUNTS))
                    .filteredOn(record -> accountId.equals(record.key())).hasSize(1);
        }
    }

    private static long incompletePublications(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class)
                .single();
    }

    private static ConfigurableApplicationContext start(DatabaseCredentials database, String kafka) {
        // Command-line arguments: they outrank application.yml, as the environment does in production.
        return new SpringApplicationBuilder(IdentityApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + kafka,
                // Fail fast against the silent port, so the first instance is done quickly.
                "--spring.kafka.producer.properties.max.block.ms=2000",
                "--spring.kafka.admin.operation-timeout=2s",
                "--spring.kafka.admin.close-timeout=2s",
                "--hailway.events.resubmission.interval=2s",
                "--hailway.events.resubmission.min-age=1s");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
