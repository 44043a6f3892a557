package dev.hailway.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hailway.platform.testing.MutableClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

class ServiceTokensTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpServer server;
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> tokenRequests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private volatile long expiresIn = 900;
    private volatile int tokenStatus = 200;
    private volatile CountDownLatch tokenGate = new CountDownLatch(0);
    private volatile int resourceStatus = 200;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/internal/auth/service-token", exchange -> {
            tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            try {
                tokenGate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (tokenStatus != 200) {
                respond(exchange, tokenStatus, "{\"type\":\"https://hailway.dev/problems/unauthorized\"}");
                return;
            }
            respond(exchange, 200, "{\"accessToken\":\"token-" + issued.incrementAndGet() + "\",\"expiresIn\":"
                    + expiresIn + ",\"tokenType\":\"Bearer\"}");
        });
        server.createContext("/internal/things", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            respond(exchange, resourceStatus, "{}");
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        tokenGate.countDown();
        server.stop(0);
    }

    @Test
    void fetchesATokenWithTheClientCredentialsAndKeepsItUntilShortlyBeforeItExpires() throws Exception {
        var tokens = tokens(Duration.ofSeconds(2));

        assertThat(tokens.token()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(839));
        assertThat(tokens.token()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.token()).isEqualTo("token-2");

        assertThat(tokenRequests).hasSize(2);
        var sent = JSON.readTree(tokenRequests.getFirst().substring(0, tokenRequests.getFirst().lastIndexOf(' ')));
        assertThat(sent.get("clientId").asString()).isEqualTo("dispatch");
        assertThat(sent.get("clientSecret").asString()).isEqualTo("dispatch-secret");
        assertThat(tokenRequests.getFirst()).endsWith(" application/json");
    }

    @Test
    void aShortLivedTokenIsRefreshedAtHalfTime() {
        expiresIn = 60;
        var tokens = tokens(Duration.ofSeconds(2));

        assertThat(tokens.token()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.token()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.token()).isEqualTo("token-2");
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        tokenGate = new CountDownLatch(1);
        var tokens = tokens(Duration.ofSeconds(5));
        Callable<String> call = tokens::token;

        List<String> seen = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(call));
            }
            // The first fetch is held at the server while the other callers pile up behind it.
            Awaitility.await().until(() -> tokenRequests.size() == 1);
            tokenGate.countDown();
            for (var future : futures) {
                seen.add(future.get(10, TimeUnit.SECONDS));
            }
        }

        assertThat(seen).hasSize(20).containsOnly("token-1");
        assertThat(tokenRequests).hasSize(1);
    }

    @Test
    void invalidatingDropsOnlyTheTokenThatWasRefused() {
        var tokens = tokens(Duration.ofSeconds(2));
        String first = tokens.token();

        tokens.invalidate(first);
        String second = tokens.token();
        tokens.invalidate(first);

        assertThat(second).isEqualTo("token-2");
        assertThat(tokens.token()).isEqualTo("token-2");
    }

    @Test
    void refusedCredentialsFailWithoutRevealingTheSecret() {
        tokenStatus = 401;
        var tokens = tokens(Duration.ofSeconds(2));

        assertThatThrownBy(tokens::token).isInstanceOf(ServiceTokens.ServiceTokenUnavailableException.class)
                .hasMessageContaining("401").hasMessageContaining("dispatch")
                .hasMessageNotContaining("dispatch-secret");
        tokenStatus = 200;
        // Within the timeout after a failure callers are told at once (see below); after it, identity is asked again.
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.token()).isEqualTo("token-1");
    }

    @Test
    void callersQueuedBehindAFetchThatTimesOutFailWithItInsteadOfEachWaitingInTurn() throws Exception {
        tokenGate = new CountDownLatch(1);
        var tokens = tokens(Duration.ofMillis(300));
        Callable<String> call = tokens::token;

        List<Future<String>> futures = new ArrayList<>();
        long began = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(call));
            }
            for (var future : futures) {
                assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(ServiceTokens.ServiceTokenUnavailableException.class);
            }
        }

        // One fetch, not twenty in a row (6 s of timeouts): a slow identity costs each caller one timeout at most.
        assertThat(tokenRequests).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
        tokenGate.countDown();
        clock.advance(Duration.ofMillis(300));
        assertThat(tokens.token()).startsWith("token-");
    }

    @Test
    void aTokenEndpointThatDoesNotAnswerFailsWithinTheTimeout() {
        tokenGate = new CountDownLatch(1);
        var tokens = tokens(Duration.ofMillis(300));

        long began = System.nanoTime();
        assertThatThrownBy(tokens::token).isInstanceOf(ServiceTokens.ServiceTokenUnavailableException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class);
        // Loose: the build machine is shared; the server would hold the answer for 30 s.
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void theInterceptorSendsTheTokenAndDropsItOnceAfterA401() {
        var tokens = tokens(Duration.ofSeconds(2));
        RestClient client = RestClient.builder().baseUrl(base()).requestInterceptor(tokens.interceptor()).build();

        assertThat(status(client)).isEqualTo(200);
        assertThat(status(client)).isEqualTo(200);
        resourceStatus = 401;
        assertThat(status(client)).isEqualTo(401);
        resourceStatus = 200;
        assertThat(status(client)).isEqualTo(200);

        assertThat(authorizations).containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-1",
                "Bearer token-2");
        assertThat(issued).hasValue(2);
    }

    @Test
    void theInterceptorReportsAMissingTokenLikeAnUnreachableService() {
        tokenStatus = 401;
        RestClient client = RestClient.builder().baseUrl(base())
                .requestInterceptor(tokens(Duration.ofSeconds(2)).interceptor()).build();

        assertThatThrownBy(() -> status(client)).isInstanceOf(ResourceAccessException.class)
                .hasRootCauseInstanceOf(ServiceTokens.ServiceTokenUnavailableException.class);
        assertThat(authorizations).isEmpty();
    }

    @Test
    void refusesBlankCredentials() {
        assertThatThrownBy(() -> new ServiceTokens(URI.create(base()), "dispatch", " ", Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientSecret");
    }

    private int status(RestClient client) {
        return client.get().uri("/internal/things").exchange((request, response) -> response.getStatusCode())
                .value();
    }

    private ServiceTokens tokens(Duration timeout) {
        return new ServiceTokens(URI.create(base() + "/internal/auth/service-token"), "dispatch", "dispatch-secret",
                timeout, clock);
    }

    private String base() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
