package dev.hailway.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service jar in {@link PlatformIT}: answers the readiness probe and shows the environment it was
 * started with, so that the launcher can be tested without the real services. With {@code fail} it exits at once.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("fail")) {
            System.out.println("boom: cannot start, no configuration");
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/actuator/health/readiness", exchange -> reply(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> {
            var text = new StringBuilder();
            new TreeMap<>(System.getenv()).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
            reply(exchange, text.toString());
        });
        server.start();
        System.out.println("fake service listening on " + port);
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
