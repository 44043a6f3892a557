package dev.hailway.runtime;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import dev.hailway.platform.infra.DatabaseCredentials;
import dev.hailway.platform.infra.EmbeddedPostgres;
import dev.hailway.platform.infra.Secrets;

/**
 * The whole platform on this machine: PostgreSQL (inside this JVM's control, one database and role per service),
 * a Kafka broker in a JVM of its own, and every service as its own JVM. This is what {@code ./hailway up} runs,
 * and what end-to-end tests start:
 *
 * <pre>{@code
 * try (Platform platform = Platform.start(PlatformOptions.defaults(repoRoot).withBaseDirectory(tempDir))) {
 *     URI api = URI.create(platform.gatewayUrl());
 *     platform.kill("identity");   // SIGKILL, as a crash
 *     platform.start("identity");  // back, and healthy again
 * }
 * }</pre>
 *
 * {@link #start} returns once everything is healthy, or throws {@link PortInUseException} (nothing started) or
 * {@link StartupFailedException} (everything already started is stopped again). {@link #close} stops the services,
 * then Kafka, then PostgreSQL; data stays in the base directory for the next start.
 */
public final class Platform implements LocalPlatform {

    private static final Duration SERVICE_GRACE = Duration.ofSeconds(20);
    private static final Duration KAFKA_GRACE = Duration.ofSeconds(30);
    private static final String KAFKA = "kafka";
    private static final String POSTGRES = "postgres";

    private final PlatformOptions options;
    private final PrintStream out;
    private final RunState runState;
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private final Map<String, ManagedProcess> running = new LinkedHashMap<>();
    private final Map<String, DatabaseCredentials> databases = new LinkedHashMap<>();
    private final Map<String, AotCache.Mode> aotModes = new LinkedHashMap<>();
    private final long startedAt = System.nanoTime();
    /**
     * Services starting at once, each until it is healthy. Starting is CPU-bound: ten JVMs at once on two cores all
     * finish late (and each may hit its timeout), while a few at a time finish one after another in about the same
     * total time.
     */
    private final java.util.concurrent.Semaphore startSlots =
            new java.util.concurrent.Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private EmbeddedPostgres postgres;
    private ManagedProcess kafka;
    private String operatorPassword;
    private boolean closed;

    Platform(PlatformOptions options) {
        this.options = options;
        this.out = options.out();
        this.runState = new RunState(options.runDirectory());
        options.services().forEach(spec -> specs.put(spec.name(), spec));
    }

    public static Platform start(PlatformOptions options) {
        var platform = new Platform(options);
        platform.startAll();
        return platform;
    }

    @Override
    public String gatewayUrl() {
        return serviceUrl("gateway");
    }

    @Override
    public String serviceUrl(String service) {
        return "http://localhost:" + spec(service).port();
    }

    @Override
    public String kafkaBootstrapServers() {
        return "localhost:" + options.kafkaPort();
    }

    /** The credentials {@code service} was started with, e.g. to check its tables from a test. */
    @Override
    public DatabaseCredentials database(String service) {
        return Optional.ofNullable(databases.get(service)).orElseThrow(() -> new IllegalArgumentException(service + " has no database"));
    }

    @Override
    public String operatorEmail() {
        return ServiceEnvironment.OPERATOR_EMAIL;
    }

    @Override
    public String operatorPassword() {
        return operatorPassword;
    }

    /** Stops one service, Kafka or PostgreSQL gracefully (SIGTERM, then SIGKILL after a grace period). */
    @Override
    public void stop(String name) {
        switch (name) {
            case KAFKA -> takeKafka().ifPresent(broker -> broker.stop(KAFKA_GRACE));
            case POSTGRES -> takePostgres().ifPresent(EmbeddedPostgres::close);
            default -> takeService(name).ifPresent(process -> process.stop(SERVICE_GRACE));
        }
    }

    /**
     * Kills one process at once, as a crash would: a service or Kafka with SIGKILL, PostgreSQL with an immediate
     * shutdown (every service loses its database at once; the next start runs crash recovery).
     */
    @Override
    public void kill(String name) {
        switch (name) {
            case KAFKA -> takeKafka().ifPresent(ManagedProcess::kill);
            case POSTGRES -> takePostgres().ifPresent(EmbeddedPostgres::crash);
            default -> takeService(name).ifPresent(ManagedProcess::kill);
        }
    }

    /** Starts what {@link #stop} or {@link #kill} ended again, and waits until it is healthy. */
    @Override
    public void start(String name) {
        switch (name) {
            case KAFKA -> {
                synchronized (this) {
                    if (kafka != null && kafka.isAlive()) {
                        throw new IllegalStateException("kafka is already running (pid " + kafka.pid() + ")");
                    }
                }
                startKafka();
                awaitHealthy(kafka, () -> HealthChecks.kafkaReady(kafkaBootstrapServers()));
            }
            case POSTGRES -> {
                synchronized (this) {
                    if (postgres != null) {
                        throw new IllegalStateException("postgres is already running");
                    }
                }
                EmbeddedPostgres server = launchPostgres();
                synchronized (this) {
                    postgres = server;
                }
            }
            default -> {
                ManagedProcess existing;
                synchronized (this) {
                    existing = running.get(name);
                }
                if (existing != null && existing.isAlive()) {
                    throw new IllegalStateException(name + " is already running (pid " + existing.pid() + ")");
                }
                startService(spec(name));
            }
        }
        recordState();
    }

    private synchronized Optional<ManagedProcess> takeKafka() {
        ManagedProcess broker = kafka;
        kafka = null;
        return Optional.ofNullable(broker);
    }

    private synchronized Optional<EmbeddedPostgres> takePostgres() {
        EmbeddedPostgres server = postgres;
        postgres = null;
        return Optional.ofNullable(server);
    }

    private Optional<ManagedProcess> takeService(String service) {
        spec(service);
        synchronized (this) {
            return Optional.ofNullable(running.remove(service));
        }
    }

    @Override
    public void pause(String name) {
        Signals.pause(pidOf(name));
    }

    @Override
    public void resume(String name) {
        Signals.resume(pidOf(name));
    }

    /** A running process of this platform: a service, Kafka or PostgreSQL. */
    private long pidOf(String name) {
        return processes().stream().filter(record -> record.name().equals(name)).mapToLong(RunState.ProcessRecord::pid)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(name + " is not running (running: "
                        + processes().stream().map(RunState.ProcessRecord::name).toList() + ")"));
    }

    /** The running processes, for a status table: PostgreSQL, Kafka, then the services in start order. */
    @Override
    public synchronized List<RunState.ProcessRecord> processes() {
        List<RunState.ProcessRecord> records = new ArrayList<>();
        if (postgres != null) {
            postgres.pid().ifPresent(pid -> records.add(new RunState.ProcessRecord(POSTGRES, pid, options.postgresPort(), POSTGRES)));
        }
        if (kafka != null) {
            records.add(new RunState.ProcessRecord(KAFKA, kafka.pid(), options.kafkaPort(), KAFKA));
        }
        running.forEach((name, process) -> records.add(new RunState.ProcessRecord(name, process.pid(), spec(name).port(), "service")));
        return records;
    }

    void startAll() {
        try {
            Ports.requireFree(neededPorts());
            runState.processes(List.of());
            Files.createDirectories(options.logDirectory());
            progress("starting Kafka and PostgreSQL");
            startKafka();
            startPostgres();
            startServicesAndAwaitHealth();
            recordState();
            progress("all healthy in %.1f s", seconds());
        } catch (RuntimeException | java.io.IOException e) {
            close();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new java.io.UncheckedIOException((java.io.IOException) e);
        }
    }

    private Map<Integer, String> neededPorts() {
        Map<Integer, String> needed = new LinkedHashMap<>();
        options.services().forEach(spec -> needed.put(spec.port(), spec.name()));
        options.services().stream().filter(spec -> spec.name().equals("gateway")).findFirst()
                .ifPresent(gateway -> needed.put(PortSet.gatewayManagementPort(gateway.port()), "gateway management"));
        needed.put(options.postgresPort(), "postgres");
        needed.put(options.kafkaPort(), KAFKA);
        needed.put(options.kafkaControllerPort(), "kafka controller");
        return needed;
    }

    private void startKafka() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java,
                "-Xms32m", "-Xmx160m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:MaxDirectMemorySize=64m", "-XX:ReservedCodeCacheSize=32m", "-XX:MaxMetaspaceSize=96m",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dhailway.log.level=INFO", "-Dhailway.kafka.log.level=WARN",
                "-cp", absoluteClassPath(),
                "dev.hailway.platform.infra.KafkaBrokerMain",
                "--port", Integer.toString(options.kafkaPort()),
                "--controller-port", Integer.toString(options.kafkaControllerPort()),
                "--log-dir", options.dataDirectory().resolve(KAFKA).toString());
        synchronized (this) {
            requireOpen();
            kafka = ManagedProcess.start(KAFKA, command, Map.of(), options.baseDirectory(), options.logDirectory().resolve("kafka.log"));
        }
    }

    private void startPostgres() {
        long began = System.nanoTime();
        EmbeddedPostgres server = launchPostgres();
        synchronized (this) {
            postgres = server;
            requireOpen();
        }
        for (ServiceSpec spec : options.services()) {
            if (spec.needsDatabase()) {
                databases.put(spec.name(), server.ensureServiceDatabase(spec.name()));
            }
        }
        operatorPassword = Secrets.readOrCreate(options.secretsDirectory().resolve("operator.password"));
        progress("postgres healthy in %.1f s (%d service databases)", (System.nanoTime() - began) / 1e9, databases.size());
    }

    private EmbeddedPostgres launchPostgres() {
        return EmbeddedPostgres.start(options.postgresPort(), options.dataDirectory().resolve(POSTGRES), options.secretsDirectory(),
                options.logDirectory().resolve("postgres.log"));
    }

    /** Kafka is awaited beside the services: they need it only once they send, and keep retrying until then. */
    private void startServicesAndAwaitHealth() {
        StartOrder.run(Map.of(KAFKA, () -> {
            awaitHealthy(kafka, () -> HealthChecks.kafkaReady(kafkaBootstrapServers()));
            progress("kafka healthy after %.1f s", seconds());
        }), java.util.Set.of(), options.services(), this::startService, () -> {
            synchronized (this) {
                closed = true;  // no further launches while the failure propagates
            }
        });
    }

    private void startService(ServiceSpec spec) {
        Path jar = options.serviceJar(spec.name());
        if (!Files.isRegularFile(jar)) {
            throw new StartupFailedException(spec.name(), "has no jar at " + options.repositoryRoot().relativize(jar)
                    + " (build it: ./mvnw -q -B -DskipTests install)", List.of());
        }
        AotCache.Launch launch = AotCache.prepare(spec.name(), jar, options.baseDirectory().resolve("app"), options.aotCache(),
                options.serviceJvmOptions());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.serviceJvmOptions());
        command.addAll(launch.jvmOptions());
        command.add("-jar");
        command.add(launch.jar().toString());
        Map<String, String> env = new LinkedHashMap<>(ServiceEnvironment.of(spec, options.services(),
                Optional.ofNullable(databases.get(spec.name())), kafkaBootstrapServers(), operatorPassword, options.secretsDirectory()));
        env.putAll(options.extraEnvironment(spec.name()));
        try {
            startSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailedException(spec.name(), "start was interrupted", List.of());
        }
        try {
            launchAndAwait(spec, command, env, launch.mode());
        } finally {
            startSlots.release();
        }
    }

    private void launchAndAwait(ServiceSpec spec, List<String> command, Map<String, String> env, AotCache.Mode mode) {
        long began = System.nanoTime();
        ManagedProcess process;
        synchronized (this) {
            requireOpen();
            process = ManagedProcess.start(spec.name(), command, env, options.repositoryRoot(), options.logDirectory().resolve(spec.name() + ".log"));
            running.put(spec.name(), process);
            aotModes.put(spec.name(), mode);
        }
        awaitHealthy(process, () -> HealthChecks.serviceReady(spec.port()));
        progress("%s healthy in %.1f s%s", spec.name(), (System.nanoTime() - began) / 1e9,
                mode == AotCache.Mode.TRAINING ? " (recording its AOT cache; written when it stops)" : "");
    }

    private void awaitHealthy(ManagedProcess process, BooleanSupplier check) {
        long deadline = System.nanoTime() + options.healthTimeout().toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new StartupFailedException(process.name(), "exited with code " + process.exitCode() + " before it was healthy",
                        process.lastLines(30));
            }
            if (check.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StartupFailedException(process.name(), "was not healthy within " + options.healthTimeout().toSeconds() + " s",
                        process.lastLines(30));
            }
            synchronized (this) {
                if (closed) {
                    throw new StartupFailedException(process.name(), "was stopped before it was healthy", List.of());
                }
            }
            try {
                Thread.sleep(200);  // a probe interval, not a wait for a condition: each round checks it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailedException(process.name(), "start was interrupted", List.of());
            }
        }
    }

    /** Services first (all asked at once, then awaited), then Kafka, then PostgreSQL. Safe to call twice. */
    @Override
    public void close() {
        List<ManagedProcess> services;
        ManagedProcess broker;
        EmbeddedPostgres database;
        synchronized (this) {
            closed = true;
            services = new ArrayList<>(running.values()).reversed();
            running.clear();
            broker = kafka;
            kafka = null;
            database = postgres;
            postgres = null;
        }
        services.forEach(ManagedProcess::requestStop);
        // A service recording its AOT cache assembles it on exit, in a child JVM: tens of seconds on a busy machine.
        Duration grace = aotModes.containsValue(AotCache.Mode.TRAINING) ? SERVICE_GRACE.multipliedBy(6) : SERVICE_GRACE;
        services.forEach(process -> process.awaitStop(grace));
        if (broker != null) {
            broker.stop(KAFKA_GRACE);
        }
        if (database != null) {
            database.close();
        }
        runState.processes(List.of());
    }

    List<ServiceSpec> services() {
        return options.services();
    }

    @Override
    public PlatformOptions options() {
        return options;
    }

    private void recordState() {
        runState.processes(processes());
    }

    private ServiceSpec spec(String service) {
        ServiceSpec spec = specs.get(service);
        if (spec == null) {
            throw new IllegalArgumentException("no service named " + service + "; known: " + specs.keySet());
        }
        return spec;
    }

    private void requireOpen() {
        if (closed) {
            throw new StartupFailedException("platform", "is stopping", List.of());
        }
    }

    /** The broker runs from this JVM's class path; it starts in another directory, so the entries must be absolute. */
    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private double seconds() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    private void progress(String format, Object... args) {
        out.printf("  " + format + "%n", args);
    }
}
