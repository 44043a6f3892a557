package dev.hailway.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest(classes = RideLogApplication.class, properties = "spring.kafka.consumer.auto-offset-reset=earliest")
@EmbeddedInfrastructure(database = "ridelog")
class EmbeddedInfrastructureSpringIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    RideLogApplication.RideListener listener;

    @Value("${spring.datasource.username}")
    String username;

    @Test
    void applicationWritesToAFreshDatabaseAsItsOwnRole() {
        jdbc.execute("CREATE TABLE rides (id int PRIMARY KEY, status text)");
        jdbc.update("INSERT INTO rides VALUES (1, 'REQUESTED')");

        assertThat(jdbc.queryForObject("SELECT status FROM rides WHERE id = 1", String.class)).isEqualTo("REQUESTED");
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(username).startsWith("ridelog_");
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(username);
    }

    @Test
    void recordSentThroughTheBrokerReachesTheListener() throws Exception {
        String value = "ride-" + UUID.randomUUID();

        kafka.send("it.rides", "ride-1", value).get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(60)).until(() -> listener.received.contains(value));
    }
}
