package dev.hailway.platform.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL as the main process of a container (Hailway's PostgreSQL image), with one database and one role per
 * service, as the launcher makes them: {@code PostgresServerMain --port 25432 --data /var/lib/hailway/postgres}.
 *
 * <p>The passwords come from the environment, as the services' own do: {@value #SUPERUSER_PASSWORD}, the
 * comma-separated {@value #DATABASES}, and {@code HAILWAY_POSTGRES_PASSWORD_<SERVICE>} for each of them. Logs go to
 * standard output. The process ends when the server does, and SIGTERM stops the server with a fast shutdown.
 */
public final class PostgresServerMain {

    static final String SUPERUSER_PASSWORD = "HAILWAY_POSTGRES_SUPERUSER_PASSWORD";
    static final String DATABASES = "HAILWAY_POSTGRES_DATABASES";
    static final String PASSWORD_PREFIX = "HAILWAY_POSTGRES_PASSWORD_";

    private PostgresServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = KafkaBrokerMain.parse(args);
        int port = Integer.parseInt(required(options, "--port"));
        Path data = Path.of(required(options, "--data")).resolve("data");
        Map<String, String> env = System.getenv();
        List<String> services = new ArrayList<>();
        for (String name : env.getOrDefault(DATABASES, "").split(",")) {
            if (!name.isBlank()) {
                services.add(name.strip());
            }
        }
        // The server keeps its passwords as files (EmbeddedPostgres); the root file system is read-only but /tmp.
        Path secrets = Files.createTempDirectory("secrets");
        Secrets.write(secrets.resolve("postgres-superuser.password"), requiredEnv(env, SUPERUSER_PASSWORD));
        for (String service : services) {
            Secrets.write(secrets.resolve("db-" + service + ".password"),
                    requiredEnv(env, PASSWORD_PREFIX + service.toUpperCase(Locale.ROOT)));
        }

        if (ProcessHandle.current().pid() == 1) {
            // A fresh container's init: a postmaster.pid in the volume is left by a server that was killed with its
            // container. Its pid means nothing in this pid namespace, where it may even be one of this JVM's threads,
            // which pg_ctl would then signal as "the old server".
            Files.deleteIfExists(data.resolve("postmaster.pid"));
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.start(port, data, secrets, Path.of("/dev/stdout"));
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.close();
            stopped.countDown();
        }, "postgres-stop"));
        for (String service : services) {
            postgres.ensureServiceDatabase(service);
        }
        System.out.println("PostgreSQL ready on port " + port + " with the databases " + services);
        long pid = postgres.pid().orElseThrow(() -> new IllegalStateException("PostgreSQL started but left no pid file"));
        // The server is pg_ctl's child, handed to this process (the container's init) when pg_ctl exited: when it
        // dies this process must end too, so that whoever runs the container notices. Nobody reaps it, so a dead
        // server stays a zombie, which only /proc tells apart from a live one.
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            if (!running(pid)) {
                System.err.println("PostgreSQL (pid " + pid + ") ended on its own");
                Runtime.getRuntime().halt(1);
            }
        }
    }

    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static String requiredEnv(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("usage: PostgresServerMain --port N --data DIR (missing " + name + ")");
        }
        return value;
    }
}
