package dev.hailway.gateway.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import dev.hailway.gateway.support.TestTokens;

/**
 * The gateway's calls, to a service behind a route and to identity's JWKS, against servers that are slow, fail or
 * drop the connection: the client gets a problem+json answer within the gateway's timeouts, never a hang or a
 * stack trace, and the gateway never repeats a request on its own (a POST could book a trip twice).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServicesUnderFaultIT {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration JWKS_TIMEOUT = Duration.ofMillis(500);
    private static final TestTokens tokens = TestTokens.withNewKey("identity-key-1");
    private static final WireMockServer trips = started();
    private static final WireMockServer identity = started();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @DynamicPropertySource
    static void gatewayPointsAtWireMock(DynamicPropertyRegistry registry) {
        registry.add("hailway.security.jwks-uri", () -> identity.baseUrl() + "/api/auth/jwks");
        registry.add("hailway.security.jwks-timeout", JWKS_TIMEOUT::toString);
        registry.add("hailway.gateway.routes.identity", identity::baseUrl);
        registry.add("hailway.gateway.routes.trips", trips::baseUrl);
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", RESPONSE_TIMEOUT::toString);
        registry.add("hailway.gateway.rate-limit.authenticated.capacity", () -> "100000");
        registry.add("hailway.gateway.rate-limit.anonymous.capacity", () -> "100000");
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        trips.stop();
        identity.stop();
    }

    @BeforeEach
    void healthyIdentity() {
        trips.resetAll();
        identity.resetAll();
        identity.stubFor(get("/api/auth/jwks").willReturn(okJson(tokens.jwks())));
    }

    static Stream<Arguments> serviceFaults() {
        return Stream.of(
                Arguments.of("slower than the response timeout", okJson("{}").withFixedDelay(10_000), 504),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 503),
                Arguments.of("closed without an answer", aResponse().withFault(Fault.EMPTY_RESPONSE), 503),
                Arguments.of("garbage, then closed", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), 503));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceFaults")
    void answersAServiceThatFailsWithAProblemWithinTheTimeoutAndCallsItOnce(String fault,
                                                                            ResponseDefinitionBuilder answer,
                                                                            int status) {
        trips.stubFor(any(urlPathMatching("/api/trips.*")).willReturn(answer));

        long start = System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/trips"))
                .header("Authorization", "Bearer " + tokens.valid(UUID.randomUUID().toString()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"quoteId\":\"q\"}")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("https://hailway.dev/problems/service-unavailable")
                .doesNotContain("127.0.0.1").doesNotContain("Exception");
        if (status == 503) {
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(took).isLessThan(RESPONSE_TIMEOUT.plusSeconds(2));
        assertThat(trips.findAll(anyRequestedFor(urlPathMatching("/api/trips.*")))).hasSize(1);
    }

    @Test
    void passesAServicesOwn500And503ThroughAsTheServiceSentThem() {
        trips.stubFor(get("/api/trips/a").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"trips' own\"}")));
        trips.stubFor(get("/api/trips/b").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"trips is busy\"}")));
        String token = "Bearer " + tokens.valid("a");

        HttpResponse<String> a = send(HttpRequest.newBuilder(uri("/api/trips/a")).header("Authorization", token));
        HttpResponse<String> b = send(HttpRequest.newBuilder(uri("/api/trips/b")).header("Authorization", token));

        assertThat(a.statusCode()).isEqualTo(500);
        assertThat(a.body()).contains("trips' own");
        assertThat(b.statusCode()).isEqualTo(503);
        assertThat(b.headers().firstValue("Retry-After")).contains("7");
        assertThat(trips.findAll(getRequestedFor(urlPathEqualTo("/api/trips/a")))).hasSize(1);
    }

    static Stream<Arguments> jwksFaults() {
        return Stream.of(
                Arguments.of("slower than the JWKS timeout", okJson(tokens.jwks()).withFixedDelay(10_000)),
                Arguments.of("500", aResponse().withStatus(500)),
                Arguments.of("503", aResponse().withStatus(503)),
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                Arguments.of("closed without an answer", aResponse().withFault(Fault.EMPTY_RESPONSE)));
    }

    /** The token may well be good: that it cannot be checked now is the platform's fault, not the caller's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jwksFaults")
    void answers503WithRetryAfterWhenIdentitysKeysCannotBeFetched(String fault, ResponseDefinitionBuilder answer) {
        identity.stubFor(get("/api/auth/jwks").willReturn(answer));
        trips.stubFor(get("/api/trips/1").willReturn(okJson("{}")));

        long start = System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/trips/1"))
                .header("Authorization", "Bearer " + TestTokens.withNewKey("identity-key-2").valid("a")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(took).isLessThan(JWKS_TIMEOUT.multipliedBy(2).plusSeconds(2));
        assertThat(trips.findAll(anyRequestedFor(urlPathMatching("/api/trips.*")))).isEmpty();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
