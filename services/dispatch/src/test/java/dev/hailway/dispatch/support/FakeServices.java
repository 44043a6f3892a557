package dev.hailway.dispatch.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hailway.location.api.NearbyDriver;
import dev.hailway.location.api.NearbyDrivers;
import dev.hailway.platform.testing.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny real HTTP server standing in for identity (JWKS and service tokens) and location
 * ({@code /internal/drivers/nearby}). Each test picks its own pickup latitude and decides what location answers
 * for it: chosen candidates, or 503 as a location that is down.
 */
public final class FakeServices {

    public static final String SERVICE_CLIENT_SECRET = "test-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static FakeServices instance;

    private final HttpServer server;
    private final Map<String, List<NearbyDriver>> candidates = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    /** The Authorization headers location was called with. */
    public final List<String> locationAuthorizations = new CopyOnWriteArrayList<>();

    private FakeServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/jwks", exchange -> respond(exchange, 200, TestTokens.jwks()));
        server.createContext("/internal/auth/service-token", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!body.contains(SERVICE_CLIENT_SECRET)) {
                respond(exchange, 401, "{}");
                return;
            }
            respond(exchange, 200, JSON.writeValueAsString(Map.of(
                    "accessToken", TestTokens.forAccount("service:dispatch", "SERVICE"), "expiresIn", 900)));
        });
        server.createContext(NearbyDrivers.PATH, this::nearby);
        server.start();
    }

    public static synchronized FakeServices get() {
        if (instance == null) {
            instance = new FakeServices();
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What location answers for a pickup at {@code lat}: these drivers, as given. */
    public void candidatesAt(double lat, List<NearbyDriver> drivers) {
        candidates.put(key(lat), List.copyOf(drivers));
    }

    /** Location fails every request for a pickup at {@code lat}. */
    public void downAt(double lat) {
        down.add(key(lat));
    }

    private void nearby(HttpExchange exchange) throws IOException {
        locationAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String lat = key(Double.parseDouble(query.getOrDefault("lat", "0")));
        if (down.contains(lat)) {
            respond(exchange, 503, "{\"title\":\"down\"}");
            return;
        }
        respond(exchange, 200, JSON.writeValueAsString(new NearbyDrivers(candidates.getOrDefault(lat, List.of()))));
    }

    private static String key(double lat) {
        return String.format("%.6f", lat);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> result = new HashMap<>();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                result.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
