package dev.hailway.simulator.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;

import dev.hailway.simulator.figures.ErrorKind;
import dev.hailway.simulator.figures.Figures;
import dev.hailway.simulator.history.Exchange;
import dev.hailway.simulator.history.History;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API as any client sees it, through the gateway only. Every answer that is not a success is counted in
 * the {@link Figures} by kind; a 401 renews the session once and a 429 waits for {@code Retry-After}, as a
 * well-behaved client does.
 */
public final class HailwayApi {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Password hashing is slow on purpose, and slower on a busy laptop: sign-up and login get more time. */
    private static final Duration CREDENTIALS_TIMEOUT = Duration.ofSeconds(30);
    private static final int RATE_LIMITED_RETRIES = 30;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private final URI gateway;
    private final Figures figures;
    private final History history;
    // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every new connection.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public HailwayApi(URI gateway, Figures figures) {
        this(gateway, figures, History.none());
    }

    /** Every request and its answer also goes to {@code history}. */
    public HailwayApi(URI gateway, Figures figures, History history) {
        this.gateway = gateway;
        this.figures = figures;
        this.history = history;
    }

    /** Registers a new account with a unique e-mail address and signs it in; null if the platform said no. */
    public Session signUp(String role, String name) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@simulator.hailway.test";
        String password = "simulated " + UUID.randomUUID();
        Reply registered = post(null, "/api/auth/register", Map.of("role", role, "email", email, "password", password, "name", name));
        if (registered.status() != 201) {
            return null;
        }
        Reply login = post(null, "/api/auth/login", Map.of("email", email, "password", password));
        if (!login.ok()) {
            return null;
        }
        return new Session(UUID.fromString(registered.text("accountId")), email, password, login.text("accessToken"),
                login.text("refreshToken"));
    }

    public Reply get(Session session, String path) {
        return send(session, "GET", path, null, null);
    }

    public Reply post(Session session, String path, Object body) {
        return send(session, "POST", path, body, null);
    }

    public Reply post(Session session, String path, Object body, String idempotencyKey) {
        return send(session, "POST", path, body, idempotencyKey);
    }

    public Reply put(Session session, String path, Object body) {
        return send(session, "PUT", path, body, null);
    }

    private Reply send(Session session, String method, String path, Object body, String idempotencyKey) {
        String json = body == null ? "" : JSON.writeValueAsString(body);
        boolean renewed = false;
        for (int attempt = 0; ; attempt++) {
            String token = session == null ? null : session.accessToken();
            HttpResponse<String> response = exchange(request(method, path, json, token, idempotencyKey));
            Reply reply = new Reply(response.statusCode(), parse(response.body()));
            if (!reply.ok()) {
                String requestId = response.headers().firstValue("X-Request-Id").orElse(reply.text("requestId"));
                ErrorKind kind = ErrorKind.ofResponse(reply.status(), reply.text("type"));
                figures.error(kind, method + " " + path + " -> " + kind.label() + " (request " + requestId + ")");
            }
            if (reply.status() == 401 && token != null && !renewed) {
                renewed = true;
                if (session.renew(this, token)) {
                    continue;
                }
            }
            if (reply.status() == 429 && attempt < RATE_LIMITED_RETRIES) {
                pause(retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
                continue;
            }
            return reply;
        }
    }

    private HttpRequest request(String method, String path, String json, String token, String idempotencyKey) {
        Duration timeout = path.startsWith("/api/auth/") ? CREDENTIALS_TIMEOUT : REQUEST_TIMEOUT;
        HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.resolve(path)).timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (!json.isEmpty()) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        HttpRequest.BodyPublisher publisher = json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return builder.method(method, publisher).build();
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        Instant sentAt = Instant.now();
        long began = System.nanoTime();
        String call = request.method() + " " + request.uri().getPath();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            history.record(new Exchange(sentAt, millisSince(began), call, response.statusCode(), null,
                    tripIdOf(parse(response.body()))));
            return response;
        } catch (HttpConnectTimeoutException e) {
            history.record(new Exchange(sentAt, millisSince(began), call, 0, "connection", null));
            throw unreachable(request, ErrorKind.CONNECTION, e);
        } catch (HttpTimeoutException e) {
            history.record(new Exchange(sentAt, millisSince(began), call, 0, "timeout", null));
            throw unreachable(request, ErrorKind.TIMEOUT, e);
        } catch (IOException e) {
            history.record(new Exchange(sentAt, millisSince(began), call, 0, "connection", null));
            throw unreachable(request, ErrorKind.CONNECTION, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped");
        }
    }

    private Unreachable unreachable(HttpRequest request, ErrorKind kind, IOException cause) {
        String call = request.method() + " " + request.uri().getPath();
        figures.error(kind, call + " -> " + kind.label() + " (" + cause + ")");
        return new Unreachable(call + ": " + cause, cause);
    }

    private static long millisSince(long began) {
        return (System.nanoTime() - began) / 1_000_000;
    }

    private static String tripIdOf(JsonNode body) {
        JsonNode tripId = body == null ? null : body.get("tripId");
        return tripId == null || !tripId.isString() ? null : tripId.asString();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** {@code Retry-After} in seconds (the gateway's form); anything else waits one second. */
    static Duration retryAfter(String header) {
        if (header != null) {
            try {
                long seconds = Long.parseLong(header.strip());
                return Duration.ofSeconds(Math.clamp(seconds, 1, LONGEST_WAIT.toSeconds()));
            } catch (NumberFormatException e) {
                // An HTTP date is allowed too; the gateway never sends one, so a second is near enough.
            }
        }
        return Duration.ofSeconds(1);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped");
        }
    }
}
