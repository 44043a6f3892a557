package dev.hailway.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.hailway.runtime.Platform;
import dev.hailway.runtime.PlatformOptions;
import dev.hailway.runtime.PortSet;

/**
 * Starts the platform once for the whole end-to-end suite, as {@code ./hailway up} does, from the jars the build made,
 * with fresh data in {@code e2e/target/platform}. Test classes share it (it is kept in the root store and closed when
 * the suite ends), so the suite pays the start-up once.
 */
public final class PlatformExtension implements BeforeAllCallback, ParameterResolver {

    /**
     * The suite signs in from one address far more often than a person would; the strict per-address bucket for
     * credentials is raised here so that the suite tests the per-account bucket instead (RateLimitIT), which is small
     * enough to empty quickly (60 requests, then 3 a second: more than a test polling twice a second needs).
     */
    static final Map<String, String> GATEWAY_ENVIRONMENT = Map.of(
            "HAILWAY_GATEWAY_RATELIMIT_CREDENTIALS_CAPACITY", "10000",
            "HAILWAY_GATEWAY_RATELIMIT_CREDENTIALS_REFILLTOKENS", "10000",
            "HAILWAY_GATEWAY_RATELIMIT_ANONYMOUS_CAPACITY", "10000",
            "HAILWAY_GATEWAY_RATELIMIT_ANONYMOUS_REFILLTOKENS", "10000",
            "HAILWAY_GATEWAY_RATELIMIT_AUTHENTICATED_CAPACITY", "60",
            "HAILWAY_GATEWAY_RATELIMIT_AUTHENTICATED_REFILLTOKENS", "3",
            "HAILWAY_GATEWAY_RATELIMIT_AUTHENTICATED_REFILLPERIOD", "1s");

    /** Offers time out and dispatch gives up quickly, so the suite sees those endings in seconds, not minutes. */
    static final Map<String, String> DISPATCH_ENVIRONMENT = Map.of(
            "HAILWAY_DISPATCH_OFFERTIMEOUT", "4s",
            "HAILWAY_DISPATCH_DEADLINE", "25s",
            "HAILWAY_DISPATCH_RETRYEVERY", "1s");

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Platform.class || parameter.getParameter().getType() == TraceReceiver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        RunningPlatform running = running(extension);
        return parameter.getParameter().getType() == TraceReceiver.class ? running.traces() : running.platform();
    }

    private static RunningPlatform running(ExtensionContext context) {
        return store(context).computeIfAbsent(RunningPlatform.class, key -> RunningPlatform.start(), RunningPlatform.class);
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(PlatformExtension.class));
    }

    /** The platform, and the receiver its services export their spans to from their first request on. */
    record RunningPlatform(Platform platform, TraceReceiver traces) implements AutoCloseable {

        static RunningPlatform start() {
            Path root = Path.of(System.getProperty("hailway.repository.root", "..")).toAbsolutePath().normalize();
            Path base = root.resolve("e2e/target/platform");
            try {
                deleteRecursively(base);
                Files.createDirectories(base);
                PrintStream progress = new PrintStream(Files.newOutputStream(base.resolve("launcher.log")), true);
                // Ports of their own (PortSet), so the suite runs beside a platform someone already started on this machine.
                PlatformOptions options = PortSet.END_TO_END.applyTo(PlatformOptions.defaults(root))
                        .withBaseDirectory(base)
                        .withServiceEnvironment("gateway", GATEWAY_ENVIRONMENT)
                        .withServiceEnvironment("dispatch", DISPATCH_ENVIRONMENT)
                        // Generous: on a busy 2-core CI machine ten JVMs share the cores while they start.
                        .withHealthTimeout(java.time.Duration.ofSeconds(300))
                        .withOut(progress);
                TraceReceiver traces = TraceReceiver.start(PortSet.END_TO_END_TRACE_RECEIVER);
                for (var service : options.services()) {
                    options = options.withServiceEnvironment(service.name(),
                            Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", traces.endpoint()));
                }
                try {
                    return new RunningPlatform(Platform.start(options), traces);
                } catch (RuntimeException e) {
                    traces.close();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                platform.close();
            } finally {
                traces.close();
            }
        }

        static void deleteRecursively(Path path) throws IOException {
            if (!Files.exists(path)) {
                return;
            }
            try (var paths = Files.walk(path)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
