package dev.hailway.gateway.management;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.hailway.gateway.support.TestTokens;

/**
 * Metrics name internal service URLs, the JDK and the install path: the public port does not serve them, the
 * management port (the scraper's) does; the probes answer on both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementPortIT {

    private static final TestTokens tokens = TestTokens.withNewKey("identity-key-1");
    private static final WireMockServer services = started();

    @LocalServerPort
    int publicPort;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void gatewayPointsAtWireMock(DynamicPropertyRegistry registry) {
        registry.add("hailway.security.jwks-uri", () -> services.baseUrl() + "/api/auth/jwks");
        registry.add("hailway.gateway.routes.trips", services::baseUrl);
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get("/api/auth/jwks").willReturn(okJson(tokens.jwks())));
        server.stubFor(get("/api/trips/1").willReturn(okJson("{\"trip\":1}")));
        return server;
    }

    @AfterAll
    static void stop() {
        services.stop();
    }

    @Test
    void servesMetricsOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(publicPort);

        client(publicPort).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hailway.dev/problems/not-found");
        client(publicPort).get().uri("/actuator/info").exchange().expectStatus().isNotFound();
        client(publicPort).get().uri("/actuator").exchange().expectStatus().isNotFound();

        client(managementPort).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_info"));
    }

    @Test
    void answersTheProbesOnThePublicPortAsOnTheManagementPort() {
        for (int port : new int[] {publicPort, managementPort}) {
            client(port).get().uri("/actuator/health/liveness").exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
            client(port).get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void routesTheApiOnThePublicPortOnly() {
        String token = "Bearer " + tokens.valid("a");
        client(publicPort).get().uri("/api/trips/1").header("Authorization", token).exchange()
                .expectStatus().isOk();

        client(managementPort).get().uri("/api/trips/1").header("Authorization", token).exchange()
                .expectStatus().isNotFound();
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }
}
