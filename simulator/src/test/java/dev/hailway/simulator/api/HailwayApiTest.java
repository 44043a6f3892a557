package dev.hailway.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.hailway.simulator.figures.Figures;

/** Against a stub gateway on a local port: how the client reacts to the platform's answers, not the platform. */
class HailwayApiTest {

    private final Figures figures = new Figures();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private HailwayApi api;

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        api = new HailwayApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), figures);
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheCallRepeated() {
        server.createContext("/api/me", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization);
            if (authorization.equals("Bearer fresh")) {
                answer(exchange, 200, "{\"email\":\"a@b.c\"}");
            } else {
                answer(exchange, 401, problem("unauthorized"));
            }
        });
        server.createContext("/api/auth/refresh", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(body).contains("\"refreshToken\":\"refresh-1\"");
            answer(exchange, 200, "{\"accessToken\":\"fresh\",\"refreshToken\":\"refresh-2\",\"expiresIn\":900}");
        });
        Session session = new Session(UUID.randomUUID(), "a@b.c", "pw", "expired", "refresh-1");

        Reply reply = api.get(session, "/api/me");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("email")).isEqualTo("a@b.c");
        assertThat(authorizations).containsExactly("Bearer expired", "Bearer fresh");
        assertThat(session.accessToken()).isEqualTo("fresh");
        assertThat(figures.summary().errorsByKind()).containsOnly(entry("401 unauthorized", 1L));
        assertThat(figures.summary().healthy()).isTrue();
    }

    @Test
    void aRevokedRefreshTokenFallsBackToSigningInAgain() {
        server.createContext("/api/me", exchange -> answer(exchange,
                "Bearer again".equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401, "{}"));
        server.createContext("/api/auth/refresh", exchange -> answer(exchange, 401, problem("unauthorized")));
        server.createContext("/api/auth/login", exchange -> answer(exchange, 200, "{\"accessToken\":\"again\",\"refreshToken\":\"r\"}"));
        Session session = new Session(UUID.randomUUID(), "a@b.c", "pw", "expired", "revoked");

        assertThat(api.get(session, "/api/me").status()).isEqualTo(200);
    }

    @Test
    void aRateLimitedCallWaitsForRetryAfterAndIsRepeated() {
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/api/offers", exchange -> {
            if (calls.incrementAndGet() == 1) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                answer(exchange, 429, problem("rate-limited"));
            } else {
                answer(exchange, 200, "[]");
            }
        });
        Session session = new Session(UUID.randomUUID(), "a@b.c", "pw", "token", "refresh");
        long started = System.nanoTime();

        Reply reply = api.get(session, "/api/offers");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(figures.summary().errorsByKind()).containsOnly(entry("429 rate-limited", 1L));
    }

    @Test
    void aServerErrorIsReturnedAndCountedAsUnexpected() {
        server.createContext("/api/quotes", exchange -> {
            exchange.getResponseHeaders().add("X-Request-Id", "r-42");
            answer(exchange, 503, problem("service-unavailable"));
        });

        Reply reply = api.post(new Session(UUID.randomUUID(), "e", "p", "t", "r"), "/api/quotes", Map.of("a", 1));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(figures.summary().errorsByKind()).containsOnly(entry("503 service-unavailable", 1L));
        assertThat(figures.summary().unexpectedErrors()).isEqualTo(1);
        assertThat(figures.summary().unexpectedExamples()).containsExactly("POST /api/quotes -> 503 service-unavailable (request r-42)");
    }

    @Test
    void theIdempotencyKeyAndJsonBodyAreSent() {
        server.createContext("/api/trips", exchange -> {
            assertThat(exchange.getRequestHeaders().getFirst("Idempotency-Key")).isEqualTo("key-1");
            assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).isEqualTo("application/json");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            answer(exchange, body.contains("\"quoteId\":\"q\"") ? 201 : 400, "{\"tripId\":\"t\",\"status\":\"REQUESTED\"}");
        });

        Reply reply = api.post(new Session(UUID.randomUUID(), "e", "p", "t", "r"), "/api/trips", Map.of("quoteId", "q"), "key-1");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("status")).isEqualTo("REQUESTED");
    }

    @Test
    void aRefusedConnectionIsCountedAndReported() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HailwayApi nowhere = new HailwayApi(URI.create("http://127.0.0.1:" + closedPort), figures);

        assertThatThrownBy(() -> nowhere.get(null, "/api/me")).isInstanceOf(Unreachable.class);
        assertThat(figures.summary().errorsByKind()).containsOnly(entry("connection", 1L));
        assertThat(figures.summary().unexpectedErrors()).isEqualTo(1);
    }

    @Test
    void retryAfterIsReadInSecondsWithinBounds() {
        assertThat(HailwayApi.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(HailwayApi.retryAfter("0")).isEqualTo(Duration.ofSeconds(1));
        assertThat(HailwayApi.retryAfter("3600")).isEqualTo(Duration.ofSeconds(60));
        assertThat(HailwayApi.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(HailwayApi.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ofSeconds(1));
    }

    private static String problem(String slug) {
        return "{\"type\":\"https://hailway.dev/problems/" + slug + "\",\"status\":0}";
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
