package dev.hailway.gateway.overload;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.hailway.gateway.support.TestTokens;

/**
 * Three times the gateway's in-flight limit against a slow service: the excess is refused at once with 503 and
 * Retry-After, the admitted requests are answered as fast as the service answers, and nothing else fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverloadIT {

    private static final int LIMIT = 5;
    private static final Duration SERVICE_DELAY = Duration.ofSeconds(3);
    private static final TestTokens tokens = TestTokens.withNewKey("identity-key-1");
    private static final WireMockServer services = started();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String token;

    @DynamicPropertySource
    static void gatewayPointsAtWireMock(DynamicPropertyRegistry registry) {
        registry.add("hailway.security.jwks-uri", () -> services.baseUrl() + "/api/auth/jwks");
        registry.add("hailway.gateway.routes.identity", services::baseUrl);
        registry.add("hailway.gateway.routes.trips", services::baseUrl);
        registry.add("hailway.gateway.routes.notifications", services::baseUrl);
        registry.add("hailway.gateway.overload.max-in-flight", () -> LIMIT);
        registry.add("hailway.gateway.overload.retry-after", () -> "2s");
        // Longer than the slow service, shorter than the one that never answers: see givesAPermitBack...
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "10s");
        registry.add("hailway.gateway.rate-limit.authenticated.capacity", () -> "100000");
        registry.add("hailway.gateway.rate-limit.anonymous.capacity", () -> "100000");
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(64).jettyAcceptors(2));
        server.start();
        server.stubFor(get("/api/auth/jwks").willReturn(okJson(tokens.jwks())));
        server.stubFor(get("/api/trips/fast").willReturn(okJson("{\"fast\":true}")));
        server.stubFor(get(urlPathEqualTo("/api/trips/slow"))
                .willReturn(okJson("{\"slow\":true}").withFixedDelay((int) SERVICE_DELAY.toMillis())));
        server.stubFor(get(urlPathEqualTo("/api/trips/never"))
                .willReturn(okJson("{}").withFixedDelay(60_000)));
        server.stubFor(get(urlPathEqualTo("/api/notifications/stream"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody("data: hello\n\n").withFixedDelay(60_000)));
        return server;
    }

    @AfterAll
    static void stop() {
        services.stop();
    }

    @BeforeEach
    void signIn() {
        services.resetRequests();
        token = tokens.valid(UUID.randomUUID().toString());
    }

    @Test
    void shedsTheExcessAtOnceWithRetryAfterWhileTheAdmittedRequestsSucceed() {
        List<CompletableFuture<Timed>> admitted = send(LIMIT, "/api/trips/slow?n=");
        // Every permit taken: the slow requests are at the service, waiting for its answer.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(services.findAll(getRequestedFor(urlPathEqualTo("/api/trips/slow")))).hasSize(LIMIT));

        List<Timed> shed = send(2 * LIMIT, "/api/trips/slow?excess=").stream().map(CompletableFuture::join).toList();

        assertThat(shed).allSatisfy(answer -> {
            assertThat(answer.response().statusCode()).isEqualTo(503);
            assertThat(answer.response().headers().firstValue("Retry-After")).contains("2");
            assertThat(answer.response().headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(answer.response().body()).contains("https://hailway.dev/problems/service-unavailable");
            // At once: long before the slow service would have answered.
            assertThat(answer.took()).isLessThan(SERVICE_DELAY.dividedBy(2));
        });
        // Probes are not proxied and stay answerable while the gateway sheds load.
        assertThat(plainGet("/actuator/health/readiness").statusCode()).isEqualTo(200);

        assertThat(admitted.stream().map(CompletableFuture::join)).allSatisfy(answer -> {
            assertThat(answer.response().statusCode()).isEqualTo(200);
            assertThat(answer.took()).isLessThan(SERVICE_DELAY.plusSeconds(2));
        });
        // The refused requests never reached the service.
        assertThat(services.findAll(getRequestedFor(urlPathEqualTo("/api/trips/slow")))).hasSize(LIMIT);
        // And the permits came back.
        assertThat(authorizedGet("/api/trips/fast").statusCode()).isEqualTo(200);
    }

    @Test
    void givesAPermitBackWhenTheClientGoesAway() {
        List<CompletableFuture<HttpResponse<String>>> abandoned = IntStream.range(0, LIMIT)
                .mapToObj(i -> http.sendAsync(request("/api/trips/never?n=" + i).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(services.findAll(getRequestedFor(urlPathEqualTo("/api/trips/never")))).hasSize(LIMIT));
        assertThat(authorizedGet("/api/trips/fast").statusCode()).isEqualTo(503);

        abandoned.forEach(call -> assertThat(call).failsWithin(Duration.ofSeconds(3)));

        // Well before the gateway's own 10 s response timeout would free the permits.
        await().atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                assertThat(authorizedGet("/api/trips/fast").statusCode()).isEqualTo(200));
    }

    @Test
    void doesNotCountLongLivedStreamsAgainstTheLimit() {
        List<CompletableFuture<HttpResponse<String>>> streams = IntStream.range(0, 2 * LIMIT)
                .mapToObj(i -> http.sendAsync(request("/api/notifications/stream?n=" + i).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                services.findAll(getRequestedFor(urlPathEqualTo("/api/notifications/stream")))).hasSize(2 * LIMIT));

        assertThat(authorizedGet("/api/trips/fast").statusCode()).isEqualTo(200);
        streams.forEach(stream -> stream.cancel(true));
    }

    private List<CompletableFuture<Timed>> send(int count, String pathPrefix) {
        List<CompletableFuture<Timed>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            calls.add(http.sendAsync(request(pathPrefix + i).build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> new Timed(response, Duration.ofNanos(System.nanoTime() - start))));
        }
        return calls;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> authorizedGet(String path) {
        return send(request(path).build());
    }

    private HttpResponse<String> plainGet(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Timed(HttpResponse<String> response, Duration took) {
    }
}
