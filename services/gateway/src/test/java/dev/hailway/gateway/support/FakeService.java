package dev.hailway.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for a downstream service: it serves a JWKS, answers everything else with 200, and
 * records what it received so a test can see exactly what the gateway passed on.
 */
public final class FakeService implements AutoCloseable {

    public record Received(String method, String rawPath, Headers headers, int bodyBytes) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.getFirst(name));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final CountDownLatch releaseSlowRequests = new CountDownLatch(1);
    private final String jwks;

    public FakeService(String jwks) throws IOException {
        this.jwks = jwks;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwksUri() {
        return baseUrl() + "/api/auth/jwks";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Optional<Received> receivedWithRequestId(String requestId) {
        return received.stream()
                .filter(request -> requestId.equals(request.headers().getFirst("X-Request-Id")))
                .findFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int bodyBytes;
        try (InputStream body = exchange.getRequestBody()) {
            bodyBytes = body.readAllBytes().length;
        }
        String path = exchange.getRequestURI().getRawPath();
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), bodyBytes));
        if (path.equals("/api/auth/jwks")) {
            respond(exchange, 200, "application/json", jwks);
        } else if (path.endsWith("/slow")) {
            try {
                // Longer than the gateway's response timeout in the test; released when the test ends.
                releaseSlowRequests.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "application/json", "{\"slow\":true}");
        } else if (path.equals("/v3/api-docs")) {
            respond(exchange, 200, "application/json", "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"fake\"}}");
        } else if (path.endsWith("/teapot")) {
            respond(exchange, 418, "application/problem+json", "{\"title\":\"I am the service's own problem\"}");
        } else {
            respond(exchange, 200, "application/json", "{\"path\":\"" + path + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().putAll(Map.of("Content-Type", List.of(contentType)));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        releaseSlowRequests.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
