package dev.hailway.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the binaries on Maven Central, with one database and one login role per service.
 *
 * <p>Every connection needs a password (scram-sha-256, also for the superuser), and each service database is closed
 * to {@code PUBLIC}, so a service's role can open its own database and no other. The data directory survives
 * {@link #close()}; starting again on it reuses the cluster, and the passwords kept in the secrets directory.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root (CI, containers) the server runs inside a user
 * namespace ({@code unshare --user}) where it is an ordinary user that still owns the root-owned data directory.
 *
 * <p>The server is a separate process that outlives a JVM killed without {@link #close()}; the next start on the same
 * data directory stops such an orphan first. Callers decide when to close (the launcher stops services before it).
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final String PG_HBA = """
            # Written by Hailway at every start: every connection needs a password, and a role reaches only
            # the databases that grant it CONNECT (service databases revoke it from PUBLIC).
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private final Path home;
    private final Path dataDirectory;
    private final Path secretsDirectory;
    private final Path logFile;
    private final int port;
    private final String superuserPassword;
    private volatile boolean stopped;

    private EmbeddedPostgres(Path home, Path dataDirectory, Path secretsDirectory, Path logFile, int port) {
        this.home = home;
        this.dataDirectory = dataDirectory;
        this.secretsDirectory = secretsDirectory;
        this.logFile = logFile;
        this.port = port;
        this.superuserPassword = Secrets.readOrCreate(secretsDirectory.resolve("postgres-superuser.password"));
    }

    /**
     * Starts PostgreSQL on {@code port} (on localhost) with its cluster in {@code dataDirectory}, created if empty.
     * Passwords live in {@code secretsDirectory}; the server log goes to {@code dataDirectory/../postgres.log}.
     */
    public static EmbeddedPostgres start(int port, Path dataDirectory, Path secretsDirectory) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        return start(port, data, secretsDirectory, data.resolveSibling(data.getFileName() + ".log"));
    }

    public static EmbeddedPostgres start(int port, Path dataDirectory, Path secretsDirectory, Path logFile) {
        var postgres = new EmbeddedPostgres(PostgresBinaries.installed(), dataDirectory.toAbsolutePath().normalize(),
                secretsDirectory.toAbsolutePath().normalize(), logFile.toAbsolutePath().normalize(), port);
        postgres.startServer();
        return postgres;
    }

    /** Where the PostgreSQL binaries of this machine are unpacked (bin/, lib/, share/), e.g. to copy into an image. */
    public static Path binaries() {
        return PostgresBinaries.installed();
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public DatabaseCredentials superuser() {
        return new DatabaseCredentials(jdbcUrl("postgres"), SUPERUSER, superuserPassword);
    }

    /** The postmaster's process id, from its pid file; empty when the server is not running. */
    public Optional<Long> pid() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            return Files.isRegularFile(pidFile)
                    ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().strip()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Makes sure {@code service} has a login role and a database of the same name that only it (and the superuser)
     * may open. The password is the one kept in {@code secrets/db-<service>.password}, generated the first time.
     */
    public DatabaseCredentials ensureServiceDatabase(String service) {
        return ensureServiceDatabase(service, Secrets.readOrCreate(passwordFile(service)));
    }

    /** As {@link #ensureServiceDatabase(String)} with a password chosen by the caller, which is stored for restarts. */
    public synchronized DatabaseCredentials ensureServiceDatabase(String service, String password) {
        if (!SERVICE_NAME.matcher(service).matches()) {
            throw new IllegalArgumentException("not a valid service name for a database: " + service);
        }
        Secrets.write(passwordFile(service), password);
        try (Connection admin = connectAsSuperuser("postgres"); Statement sql = admin.createStatement()) {
            // Reset the password every time: the stored file is the truth, even after a manual change.
            String roleDefinition = service + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD " + literal(password);
            sql.execute((exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", service) ? "ALTER ROLE " : "CREATE ROLE ")
                    + roleDefinition);
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", service)) {
                sql.execute("CREATE DATABASE " + service + " OWNER " + service);
            }
            sql.execute("REVOKE ALL ON DATABASE " + service + " FROM PUBLIC");
            sql.execute("GRANT ALL ON DATABASE " + service + " TO " + service);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the database of " + service, e);
        }
        try (Connection admin = connectAsSuperuser(service); Statement sql = admin.createStatement()) {
            // The service's migrations create tables in public, so it owns that schema outright.
            sql.execute("ALTER SCHEMA public OWNER TO " + service);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hand the public schema to " + service, e);
        }
        return new DatabaseCredentials(jdbcUrl(service), service, password);
    }

    public Connection connectAsSuperuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, superuserPassword);
    }

    /** Stops the server (fast shutdown: open sessions are ended, committed data stays). */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        pgCtl(List.of("stop", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60"), false);
    }

    /**
     * Ends the server as a crash would: an immediate shutdown (every backend quits at once, nothing is flushed
     * beyond what was committed to the WAL), so the next {@link #start} runs crash recovery. Killing only the
     * postmaster with SIGKILL would leave its backends holding the shared memory, and the data directory with them.
     */
    public synchronized void crash() {
        if (stopped) {
            return;
        }
        stopped = true;
        pgCtl(List.of("stop", "-D", dataDirectory.toString(), "-m", "immediate", "-w", "-t", "60"), false);
    }

    private void startServer() {
        try {
            Files.createDirectories(dataDirectory.getParent());
            if (!Files.isDirectory(logFile.getParent())) {
                Files.createDirectories(logFile.getParent());
            }
            if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
                initdb();
            }
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare PostgreSQL data directory " + dataDirectory, e);
        }
        stopOrphanedServer();
        // Commits are durable (synchronous_commit stays on): with it off, a crash forgets the last commits after
        // their events have gone out through the outbox, and the chaos run found trips whose table lost
        // TripDriverArrived while every consumer had applied it.
        String options = String.join(" ",
                "-p", Integer.toString(port),
                "-c", "listen_addresses=localhost",
                "-c", "unix_socket_directories=''",
                "-c", "max_connections=200",
                "-c", "shared_buffers=32MB",
                "-c", "timezone=UTC");
        long started = System.nanoTime();
        pgCtl(List.of("start", "-D", dataDirectory.toString(), "-l", logFile.toString(), "-o", options, "-w", "-t", "60"), true);
        log.info("PostgreSQL ready on port {} in {} ms (data {})", port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDirectory);
    }

    private void initdb() throws IOException {
        Files.createDirectories(dataDirectory);
        Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
        Path passwordFile = secretsDirectory.resolve("postgres-superuser.password");
        List<String> command = new ArrayList<>(asServerUser());
        command.addAll(List.of(home.resolve("bin/initdb").toString(),
                "-D", dataDirectory.toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF-8", "--locale=C"));
        run(command, true);
    }

    /** A launcher killed with SIGKILL leaves its PostgreSQL running; take the data directory back from it. */
    private void stopOrphanedServer() {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))
                && pgCtl(List.of("status", "-D", dataDirectory.toString()), false)) {
            log.warn("PostgreSQL from an earlier run still holds {}; stopping it", dataDirectory);
            pgCtl(List.of("stop", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60"), false);
        }
    }

    private boolean pgCtl(List<String> arguments, boolean required) {
        List<String> command = new ArrayList<>(asServerUser());
        command.add(home.resolve("bin/pg_ctl").toString());
        command.addAll(arguments);
        return run(command, required);
    }

    private boolean run(List<String> command, boolean required) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            boolean ok = process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0;
            if (!ok && required) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output + tail(logFile));
            }
            return ok;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** PostgreSQL refuses uid 0; as root the binaries run as uid 1000 in a user namespace mapped back to root. */
    private static List<String> asServerUser() {
        return "root".equals(System.getProperty("user.name"))
                ? List.of("unshare", "--user", "--map-user=1000", "--map-group=1000", "--")
                : List.of();
    }

    private Path passwordFile(String service) {
        return secretsDirectory.resolve("db-" + service + ".password");
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String tail(Path file) {
        try {
            // Not a pipe such as /dev/stdout (in a container): reading one would wait for ever.
            List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
