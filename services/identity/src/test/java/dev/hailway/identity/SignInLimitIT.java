package dev.hailway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.identity.support.Http;
import dev.hailway.platform.testing.EmbeddedInfrastructure;
import dev.hailway.platform.testing.SharedInfrastructure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.Environment;

/** The per-address limit of failed sign-ins, through HTTP, on the real database (defaults: 5 failures, then 30 s). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure(database = "identity")
class SignInLimitIT {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void afterFiveFailuresTheAccountsLoginsAre429WithRetryAfterEvenWithTheRightPassword() {
        String email = register();
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "a wrong guess " + i).status()).isEqualTo(401);
        }

        var locked = login(email, PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.json().get("type").asString()).isEqualTo("https://hailway.dev/problems/rate-limited");
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 30);
        assertThat(locked.body()).doesNotContain("accessToken");
    }

    @Test
    void anUnknownAddressIsLimitedTheSameWaySoA429SaysNothingAboutTheAccount() {
        String known = register();
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 5; i++) {
            assertThat(login(known, "a wrong guess").status()).isEqualTo(401);
            assertThat(login(unknown, "a wrong guess").status()).isEqualTo(401);
        }

        var knownLocked = login(known, PASSWORD);
        var unknownLocked = login(unknown, PASSWORD);

        assertThat(unknownLocked.status()).isEqualTo(knownLocked.status()).isEqualTo(429);
        assertThat(unknownLocked.header("Retry-After")).isNotNull();
        assertThat(unknownLocked.json().get("detail")).isEqualTo(knownLocked.json().get("detail"));
        assertThat(unknownLocked.json().get("title")).isEqualTo(knownLocked.json().get("title"));
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        String email = register();
        for (int i = 0; i < 4; i++) {
            assertThat(login(email, "a wrong guess").status()).isEqualTo(401);
        }
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);

        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "a wrong guess").status()).as("failure %d after the reset", i + 1).isEqualTo(401);
        }
        assertThat(login(email, PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void guessesSentAllAtOnceGetNoMoreThanFiveThrough() throws Exception {
        String email = register();
        Callable<Integer> guess = () -> login(email, "a wrong guess").status();

        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(12)) {
            for (var result : pool.invokeAll(Collections.nCopies(12, guess))) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(status -> status == 401)).hasSize(5);
    }

    @Test
    void anotherInstanceOnTheSameDatabaseKeepsTheLockout() {
        String email = register();
        for (int i = 0; i < 6; i++) {
            login(email, "a wrong guess");
        }
        assertThat(login(email, PASSWORD).status()).isEqualTo(429);

        try (var other = new SpringApplicationBuilder(IdentityApplication.class).run(
                "--server.port=0",
                // This test's own database: the other instance must share it, as instances of identity do.
                "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getRequiredProperty("spring.datasource.password"),
                "--spring.datasource.hikari.maximum-pool-size=2",
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafkaBootstrapServers(),
                "--hailway.logging.format=plain")) {
            var elsewhere = new Http(((WebServerApplicationContext) other).getWebServer().getPort());

            var response = elsewhere.post("/api/auth/login", Map.of("email", email, "password", PASSWORD));

            assertThat(response.status()).isEqualTo(429);
            assertThat(response.header("Retry-After")).isNotNull();
        }
    }

    private Http.Response login(String email, String password) {
        return http.post("/api/auth/login", Map.of("email", email, "password", password));
    }

    private String register() {
        String email = "limited-" + UUID.randomUUID() + "@example.org";
        var response = http.post("/api/auth/register",
                Map.of("role", "RIDER", "email", email, "password", PASSWORD, "name", "Someone"));
        assertThat(response.status()).isEqualTo(201);
        return email;
    }
}
