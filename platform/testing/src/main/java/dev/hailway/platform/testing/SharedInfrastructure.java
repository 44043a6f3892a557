package dev.hailway.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.hailway.platform.infra.DatabaseCredentials;
import dev.hailway.platform.infra.EmbeddedPostgres;
import dev.hailway.platform.infra.KafkaBroker;

/**
 * One embedded PostgreSQL and one in-process Kafka broker for the whole test JVM, each started on first use on a
 * free port in a temporary directory, and stopped when the JVM exits (after the Spring contexts that use them).
 *
 * <p>Plain tests use it directly: {@code SharedInfrastructure.freshDatabase("trips")},
 * {@code SharedInfrastructure.kafkaBootstrapServers()}.
 */
public final class SharedInfrastructure {

    private static final AtomicInteger databases = new AtomicInteger();
    private static final List<AutoCloseable> closeFirst = new CopyOnWriteArrayList<>();
    private static Path baseDirectory;
    private static EmbeddedPostgres postgres;
    private static KafkaBroker kafka;

    private SharedInfrastructure() {
    }

    /**
     * A new database, with a login role of the same name that alone may open it (apart from the superuser), named
     * {@code <service>_<n>} so that each caller starts from an empty schema.
     */
    public static DatabaseCredentials freshDatabase(String service) {
        return postgres().ensureServiceDatabase(service + "_" + databases.incrementAndGet());
    }

    /** The database named after {@code service}, shared by every caller in this JVM that asks for the same name. */
    public static DatabaseCredentials database(String service) {
        return postgres().ensureServiceDatabase(service);
    }

    public static String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgres.start(freePort(), base().resolve("postgres"), base().resolve("secrets"));
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start(freePort(), freePort(), base().resolve("kafka"));
        }
        return kafka;
    }

    /** Something that uses the infrastructure and must close before it stops, such as a Spring context. */
    static void closeBeforeShutdown(AutoCloseable resource) {
        closeFirst.add(resource);
    }

    private static Path base() {
        if (baseDirectory == null) {
            try {
                baseDirectory = Files.createTempDirectory("hailway-test-infra-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Spring registers its own hooks for its contexts; they run concurrently with this one, so this hook
            // closes those contexts itself first (closing twice is harmless) before the broker and server go away.
            Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::shutdown, "hailway-test-infra-stop"));
        }
        return baseDirectory;
    }

    private static synchronized void shutdown() {
        for (AutoCloseable resource : closeFirst.reversed()) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // Best effort: the JVM is exiting and the infrastructure still has to stop.
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        deleteRecursively(baseDirectory);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temp directory left behind is not worth failing the build for.
        }
    }
}
