package dev.hailway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the public API, as any client of Hailway would use it. */
final class Api {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response get(String path, String accessToken) {
        return send(request(path, accessToken).GET());
    }

    Response post(String path, String accessToken, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path, accessToken).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String accessToken, Object body) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path, accessToken).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response postWithKey(String path, String accessToken, Object body, String idempotencyKey) {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(request(path, accessToken).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Signs in the operator account that the launcher bootstraps. */
    String operatorToken(String email, String password) {
        Response login = post("/api/auth/login", null, Map.of("email", email, "password", password));
        if (login.status() != 200) {
            throw new AssertionError("operator login failed: " + login);
        }
        return login.json().get("accessToken").asString();
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String accessToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        return builder;
    }

    /** Registers a new account with a unique email and returns it signed in. */
    SignedIn registerAndSignIn(String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.test";
        String password = "correct horse battery " + UUID.randomUUID();
        Response registered = post("/api/auth/register", null, Map.of("role", role, "email", email, "password", password, "name", "E2E " + role));
        if (registered.status() != 201) {
            throw new AssertionError("register failed: " + registered);
        }
        Response login = post("/api/auth/login", null, Map.of("email", email, "password", password));
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login);
        }
        return new SignedIn(UUID.fromString(registered.json().get("accountId").asString()), email, password,
                login.json().get("accessToken").asString(), login.json().get("refreshToken").asString());
    }

    record SignedIn(UUID accountId, String email, String password, String accessToken, String refreshToken) {
    }

    record Response(HttpResponse<String> raw) {

        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        @Override
        public String toString() {
            return raw.request().method() + " " + raw.uri() + " -> " + raw.statusCode() + " " + raw.body();
        }
    }
}
