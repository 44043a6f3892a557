package dev.hailway.images;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service's AOT cache training run in the image build: starts the service as a child JVM with the variables of an
 * env file added to its environment, waits until it is ready, sends it the kinds of request it serves (health,
 * metrics, its API documents, a refused API call), then stops it with SIGTERM as a platform would, so that the JVM
 * writes a cache of what a real start and its first requests load. Like {@code ./hailway up}'s own caches, which
 * are recorded over a whole session.
 *
 * <p>Why a program of its own: the service must see the variables a real start gives it (Spring binds
 * {@code HAILWAY_SECURITY_SERVICE_CLIENT_ID} and the like from the environment only), the images have no shell, and
 * the variables hold passwords that must stay out of every layer and of the image history. Mounted into the
 * training step only, with nothing but the JDK on its class path:
 * {@code java -cp /training dev.hailway.images.TrainingRun ENV_FILE CACHE_FILE COMMAND...}.
 */
public final class TrainingRun {

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final List<String> REQUESTS = List.of("/actuator/health", "/actuator/health/liveness", "/actuator/prometheus",
            "/v3/api-docs", "/api/me", "/api/trips/00000000-0000-0000-0000-000000000000", "/no-such-page");

    private TrainingRun() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: TrainingRun ENV_FILE CACHE_FILE COMMAND...");
            System.exit(64);
        }
        var builder = new ProcessBuilder(Arrays.asList(args).subList(2, args.length)).inheritIO();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            int equals = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                builder.environment().put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        String port = builder.environment().get("SERVER_PORT");
        Path cache = Path.of(args[1]);
        Process service = builder.start();

        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!ready(http, base)) {
            if (!service.isAlive()) {
                fail("the service exited with code " + service.exitValue() + " before it was ready");
            }
            if (System.nanoTime() > deadline) {
                service.destroyForcibly();
                fail("the service was not ready within " + READY_WITHIN.toSeconds() + " s");
            }
            Thread.sleep(250);  // a probe interval; each round checks readiness again
        }
        for (int round = 0; round < 3; round++) {
            for (String path : REQUESTS) {
                get(http, base + path);
            }
        }

        service.destroy();  // SIGTERM: a graceful shutdown, at the end of which the JVM writes the cache
        if (!service.waitFor(3, TimeUnit.MINUTES)) {
            service.destroyForcibly();
            fail("the service did not stop within 3 minutes of SIGTERM");
        }
        if (!Files.isRegularFile(cache)) {
            fail("the service stopped (exit code " + service.exitValue() + ") without writing " + cache);
        }
        System.out.println("training run done: " + cache + " (" + Files.size(cache) / 1_000_000 + " MB)");
    }

    private static boolean ready(HttpClient http, String base) {
        var response = get(http, base + "/actuator/health/readiness");
        return response != null && response.statusCode() == 200;
    }

    private static HttpResponse<String> get(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void fail(String why) {
        System.err.println("training run failed: " + why);
        System.exit(1);
    }
}
