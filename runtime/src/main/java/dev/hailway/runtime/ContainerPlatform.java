package dev.hailway.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

import dev.hailway.platform.infra.DatabaseCredentials;
import dev.hailway.platform.infra.Secrets;

/**
 * The same platform as {@link Platform}, run from the images of {@code ./hailway images} with a container engine:
 * the same ports, environment, secrets and operator account, every container on the host network bound to
 * 127.0.0.1, as a non-root user with a read-only root file system, and PostgreSQL's and Kafka's data in named
 * volumes that outlive the containers. This is what {@code ./hailway up --containers} runs.
 *
 * <p>The launcher is in charge, as with processes: it starts the containers in dependency order, waits for each to
 * be healthy, and stops and removes them again on {@link #close} (the volumes stay).
 */
public final class ContainerPlatform implements LocalPlatform {

    public static final String POSTGRES = "postgres";
    public static final String KAFKA = "kafka";
    static final String SERVICE_MEMORY = "512m";
    static final String KAFKA_MEMORY = "768m";
    static final String POSTGRES_MEMORY = "1g";
    private static final Duration ENGINE_TIMEOUT = Duration.ofMinutes(2);

    private final PlatformOptions options;
    private final ContainerEngine engine;
    private final String prefix;
    private final String version;
    private final PrintStream out;
    private final long startedAt = System.nanoTime();
    /** As {@link Platform}'s: starting JVMs is CPU-bound, so a few at a time on two cores. */
    private final Semaphore startSlots = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private final Map<String, ContainerSpec> specs = new LinkedHashMap<>();
    private volatile boolean closed;

    /**
     * @param prefix names the containers ({@code <prefix>-trips}) and volumes ({@code <prefix>-postgres}), so that
     *               a test's platform never touches the one a person runs
     */
    public ContainerPlatform(PlatformOptions options, ContainerEngine engine, String prefix) {
        this.options = options;
        this.engine = engine;
        this.prefix = prefix;
        this.version = imageVersion();
        this.out = options.out();
    }

    /** {@code ./hailway up --containers}: containers and volumes named {@code hailway-*}. */
    public static ContainerPlatform local(PlatformOptions options) {
        return new ContainerPlatform(options, ContainerEngine.fromEnvironment(), "hailway");
    }

    public static ContainerPlatform start(PlatformOptions options, ContainerEngine engine, String prefix) {
        var platform = new ContainerPlatform(options, engine, prefix);
        platform.startAll();
        return platform;
    }

    /** The version the images were built with: the launcher's own. */
    public static String imageVersion() {
        try (InputStream in = ContainerPlatform.class.getResourceAsStream("version.properties")) {
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the launcher was built without its version.properties", e);
        }
    }

    public ContainerEngine engine() {
        return engine;
    }

    public String containerName(String process) {
        return prefix + "-" + process;
    }

    public String volumeName(String process) {
        return prefix + "-" + process;
    }

    /**
     * Every container of the platform in start order: PostgreSQL, Kafka, then the services. Writes the env files
     * (mode 600) and generates the secrets on first use, as the launcher does for processes.
     */
    public synchronized List<ContainerSpec> containers() {
        if (specs.isEmpty()) {
            Path envDirectory = options.baseDirectory().resolve("containers");
            Path secrets = options.secretsDirectory();
            String operatorPassword = Secrets.readOrCreate(secrets.resolve("operator.password"));
            String kafka = kafkaBootstrapServers();

            Map<String, String> postgresEnv = new LinkedHashMap<>();
            postgresEnv.put("HAILWAY_POSTGRES_SUPERUSER_PASSWORD", Secrets.readOrCreate(secrets.resolve("postgres-superuser.password")));
            List<String> databases = new ArrayList<>();
            for (ServiceSpec service : options.services()) {
                if (service.needsDatabase()) {
                    databases.add(service.name());
                    postgresEnv.put("HAILWAY_POSTGRES_PASSWORD_" + service.name().toUpperCase(Locale.ROOT), databasePassword(service.name()));
                }
            }
            postgresEnv.put("HAILWAY_POSTGRES_DATABASES", String.join(",", databases));
            postgresEnv.put("MALLOC_ARENA_MAX", "2");
            add(new ContainerSpec(POSTGRES, containerName(POSTGRES), Images.reference(POSTGRES, version), options.postgresPort(), POSTGRES,
                    postgresEnv, envDirectory.resolve(POSTGRES + ".env"),
                    Map.of(volumeName(POSTGRES), "/var/lib/hailway/postgres"), "",
                    List.of("--port", Integer.toString(options.postgresPort()), "--data", "/var/lib/hailway/postgres"), POSTGRES_MEMORY));
            add(new ContainerSpec(KAFKA, containerName(KAFKA), Images.reference(KAFKA, version), options.kafkaPort(), KAFKA,
                    Map.of("MALLOC_ARENA_MAX", "2"), envDirectory.resolve(KAFKA + ".env"),
                    Map.of(volumeName(KAFKA), "/var/lib/hailway/kafka"), "",
                    List.of("--port", Integer.toString(options.kafkaPort()), "--controller-port", Integer.toString(options.kafkaControllerPort()),
                            "--log-dir", "/var/lib/hailway/kafka/data"), KAFKA_MEMORY));
            for (ServiceSpec service : options.services()) {
                Optional<DatabaseCredentials> database = service.needsDatabase()
                        ? Optional.of(new DatabaseCredentials(jdbcUrl(service.name()), service.name(), databasePassword(service.name())))
                        : Optional.empty();
                Map<String, String> env = new LinkedHashMap<>(ServiceEnvironment.of(service, options.services(), database, kafka,
                        operatorPassword, secrets));
                env.put("MALLOC_ARENA_MAX", "2");
                env.putAll(options.extraEnvironment(service.name()));
                // Without the AOT cache (HAILWAY_AOT=false, to compare start times): the image's command less that option.
                boolean aot = options.aotCache();
                add(new ContainerSpec(service.name(), containerName(service.name()), Images.reference(service.name(), version),
                        service.port(), "service", env, envDirectory.resolve(service.name() + ".env"), Map.of(),
                        aot ? "" : "java", aot ? List.of() : List.of("@/app/jvm.options", "-jar", "/app/app.jar"), SERVICE_MEMORY));
            }
        }
        return List.copyOf(specs.values());
    }

    private void add(ContainerSpec spec) {
        specs.put(spec.name(), spec);
    }

    private String databasePassword(String service) {
        return Secrets.readOrCreate(options.secretsDirectory().resolve("db-" + service + ".password"));
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + options.postgresPort() + "/" + database;
    }

    public void startAll() {
        closed = false;
        try {
            if (!engine.available()) {
                throw new StartupFailedException("platform", "needs a container engine, and '" + engine.command() + "' does not answer "
                        + "(README, Containers: install podman, or set HAILWAY_CONTAINER_ENGINE)", List.of());
            }
            List<ContainerSpec> all = containers();
            java.util.Set<String> present = new java.util.HashSet<>(engine.check(ENGINE_TIMEOUT,
                    List.of("images", "--format", "{{.Repository}}:{{.Tag}}")).lines().map(String::strip).toList());
            List<String> missing = all.stream().map(ContainerSpec::image).distinct().filter(image -> !present.contains(image)).toList();
            if (!missing.isEmpty()) {
                throw new StartupFailedException("platform", "has no image " + String.join(", ", missing) + " (build them: ./hailway images)", List.of());
            }
            removeLeftovers(all);
            Map<Integer, String> needed = new LinkedHashMap<>();
            all.forEach(spec -> needed.put(spec.port(), spec.name()));
            needed.put(options.kafkaControllerPort(), "kafka controller");
            Ports.requireFree(needed);
            writeEnvironmentFiles(all);
            progress("starting PostgreSQL and Kafka from images %s", Images.reference("*", version));
            startAndAwaitAll();
            progress("all healthy in %.1f s", (System.nanoTime() - startedAt) / 1e9);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * As with processes, a service waits for its database (Flyway migrates at start) but not for Kafka, whose clients
     * keep retrying: starting while the broker comes up keeps both cores busy.
     */
    private void startAndAwaitAll() {
        Map<String, Runnable> infrastructure = new LinkedHashMap<>();
        infrastructure.put(POSTGRES, () -> launchAndAwait(specs.get(POSTGRES)));
        infrastructure.put(KAFKA, () -> launchAndAwait(specs.get(KAFKA)));
        StartOrder.run(infrastructure, java.util.Set.of(POSTGRES), options.services(), service -> startService(specs.get(service.name())),
                () -> closed = true);  // no further launches while the failure propagates
    }

    private void startService(ContainerSpec spec) {
        try {
            startSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailedException(spec.name(), "start was interrupted", List.of());
        }
        try {
            launchAndAwait(spec);
        } finally {
            startSlots.release();
        }
    }

    private void launchAndAwait(ContainerSpec spec) {
        if (closed) {
            throw new StartupFailedException(spec.name(), "was not started: the platform is stopping", List.of());
        }
        long began = System.nanoTime();
        engine.check(ENGINE_TIMEOUT, spec.runArguments(prefix));
        awaitHealthy(spec);
        progress("%s healthy in %.1f s", spec.name(), (System.nanoTime() - began) / 1e9);
    }

    private void awaitHealthy(ContainerSpec spec) {
        BooleanSupplier check = switch (spec.kind()) {
            case POSTGRES -> this::databasesReady;
            case KAFKA -> () -> HealthChecks.kafkaReady(kafkaBootstrapServers());
            default -> () -> HealthChecks.serviceReady(spec.port());
        };
        // Whether the container still runs, from its main process on this host: asking the engine every round would
        // take a good share of the two cores the starting JVMs need.
        long pid = pid(spec.container());
        long deadline = System.nanoTime() + options.healthTimeout().toNanos();
        while (true) {
            if (pid <= 0 || !RunState.isRunning(pid)) {
                throw new StartupFailedException(spec.name(), "exited with code " + exitCode(spec.container()) + " before it was healthy",
                        lastLines(spec.name(), 30));
            }
            if (check.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StartupFailedException(spec.name(), "was not healthy within " + options.healthTimeout().toSeconds() + " s",
                        lastLines(spec.name(), 30));
            }
            if (closed) {
                throw new StartupFailedException(spec.name(), "was stopped before it was healthy", List.of());
            }
            try {
                Thread.sleep(250);  // a probe interval, not a wait for a condition: each round checks it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailedException(spec.name(), "start was interrupted", List.of());
            }
        }
    }

    /** Every service role can open its own database: the image has created them all, not only started. */
    private boolean databasesReady() {
        for (ServiceSpec service : options.services()) {
            if (service.needsDatabase()) {
                DatabaseCredentials credentials = database(service.name());
                try {
                    DriverManager.getConnection(credentials.url(), credentials.username(), credentials.password()).close();
                } catch (SQLException e) {
                    return false;
                }
            }
        }
        return true;
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

    @Override
    public DatabaseCredentials database(String service) {
        ServiceSpec found = options.services().stream().filter(s -> s.name().equals(service) && s.needsDatabase()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(service + " has no database"));
        return new DatabaseCredentials(jdbcUrl(found.name()), found.name(), databasePassword(found.name()));
    }

    @Override
    public String operatorEmail() {
        return ServiceEnvironment.OPERATOR_EMAIL;
    }

    @Override
    public String operatorPassword() {
        return Secrets.read(options.secretsDirectory().resolve("operator.password"));
    }

    @Override
    public void stop(String name) {
        engine.check(ENGINE_TIMEOUT, List.of("stop", "--time", ContainerSpec.STOP_TIMEOUT_SECONDS, spec(name).container()));
    }

    @Override
    public void kill(String name) {
        engine.check(ENGINE_TIMEOUT, List.of("kill", "--signal", "KILL", spec(name).container()));
        engine.run(ENGINE_TIMEOUT, List.of("wait", spec(name).container()));
    }

    /** SIGSTOP to the container's process: works whatever the cgroup set-up, where podman pause needs the freezer. */
    @Override
    public void pause(String name) {
        engine.check(ENGINE_TIMEOUT, List.of("kill", "--signal", "STOP", spec(name).container()));
    }

    @Override
    public void resume(String name) {
        engine.check(ENGINE_TIMEOUT, List.of("kill", "--signal", "CONT", spec(name).container()));
    }

    /** Starts the stopped container again: the same container, so the same volumes and settings. */
    @Override
    public void start(String name) {
        ContainerSpec spec = spec(name);
        if (running(spec.container())) {
            throw new IllegalStateException(name + " is already running");
        }
        engine.check(ENGINE_TIMEOUT, List.of("start", spec.container()));
        awaitHealthy(spec);
    }

    /**
     * Removes the container and creates it again from its image, as {@code ./hailway down} and {@code up} do: what
     * survives is what its volumes hold.
     */
    public void recreate(String name) {
        ContainerSpec spec = spec(name);
        engine.check(ENGINE_TIMEOUT, List.of("rm", "--force", "--time", ContainerSpec.STOP_TIMEOUT_SECONDS, spec.container()));
        launchAndAwait(spec);
    }

    @Override
    public PlatformOptions options() {
        return options;
    }

    @Override
    public List<RunState.ProcessRecord> processes() {
        List<RunState.ProcessRecord> records = new ArrayList<>();
        for (ContainerSpec spec : containers()) {
            long pid = pid(spec.container());
            if (pid > 0) {
                records.add(new RunState.ProcessRecord(spec.name(), pid, spec.port(), spec.kind(), spec.container()));
            }
        }
        return records;
    }

    /** The last lines a container printed. */
    public List<String> lastLines(String name, int count) {
        var result = engine.run(ENGINE_TIMEOUT, List.of("logs", "--tail", Integer.toString(count), spec(name).container()));
        return result.output().lines().toList();
    }

    /** Services first (all at once), then Kafka, then PostgreSQL; each container is removed, its volume kept. */
    @Override
    public void close() {
        closed = true;
        List<String> services = containers().stream().filter(s -> s.kind().equals("service")).map(ContainerSpec::container).toList();
        List<String> stopServices = new ArrayList<>(List.of("stop", "--ignore", "--time", ContainerSpec.STOP_TIMEOUT_SECONDS));
        stopServices.addAll(services);
        engine.run(ENGINE_TIMEOUT, stopServices);
        engine.run(ENGINE_TIMEOUT, List.of("stop", "--ignore", "--time", "30", containerName(KAFKA)));
        engine.run(ENGINE_TIMEOUT, List.of("stop", "--ignore", "--time", "60", containerName(POSTGRES)));
        containers().forEach(this::keepLog);
        List<String> remove = new ArrayList<>(List.of("rm", "--ignore", "--force"));
        containers().forEach(spec -> remove.add(spec.container()));
        engine.run(ENGINE_TIMEOUT, remove);
    }

    /** A removed container takes its log along: keep it where a process's log would be, for ./hailway logs after down. */
    private void keepLog(ContainerSpec spec) {
        var log = engine.run(ENGINE_TIMEOUT, List.of("logs", spec.container()));
        if (!log.ok()) {
            return;  // never created
        }
        try {
            Files.createDirectories(options.logDirectory());
            Files.writeString(options.logDirectory().resolve(spec.name() + ".log"), log.output());
        } catch (IOException e) {
            out.println("  could not keep the log of " + spec.container() + ": " + e.getMessage());
        }
    }

    /** Containers of an earlier run that ended without {@link #close}: stopped ones go, running ones stop the start. */
    private void removeLeftovers(List<ContainerSpec> all) {
        Map<String, String> states = new LinkedHashMap<>();
        engine.check(ENGINE_TIMEOUT, List.of("ps", "--all", "--format", "{{.Names}} {{.State}}")).lines()
                .map(line -> line.strip().split("\\s+")).filter(fields -> fields.length == 2)
                .forEach(fields -> states.put(fields[0], fields[1]));
        for (ContainerSpec spec : all) {
            String state = states.get(spec.container());
            if (state == null) {
                continue;
            }
            if (state.equalsIgnoreCase("running") || state.equalsIgnoreCase("paused")) {
                throw new StartupFailedException(spec.name(), "already runs in container " + spec.container()
                        + " (stop it with ./hailway down, or " + engine.command() + " stop " + spec.container() + ")", List.of());
            }
            engine.check(ENGINE_TIMEOUT, List.of("rm", "--force", spec.container()));
        }
    }

    /**
     * The secrets of every container as ConfigMaps named {@code <name>-credentials}, one YAML document each, for the
     * local Kubernetes overlay under podman kube play: podman 4.3 cannot read Secrets from the YAML it plays, and its
     * {@code --configmap} takes one ConfigMap per file. PostgreSQL's whole environment is its credentials.
     */
    public Map<String, String> kubeCredentials() {
        Map<String, String> files = new LinkedHashMap<>();
        for (ContainerSpec spec : containers()) {
            List<Map.Entry<String, String>> secrets = spec.environment().entrySet().stream()
                    .filter(e -> spec.kind().equals(POSTGRES) || ContainerSpec.isSecret(e.getKey()))
                    .sorted(Map.Entry.comparingByKey()).toList();
            if (secrets.isEmpty()) {
                continue;
            }
            var text = new StringBuilder("# Written by ./hailway env for the local overlay (deploy/k8s/overlays/local). Holds passwords.\n")
                    .append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ").append(spec.name()).append("-credentials\ndata:\n");
            secrets.forEach(e -> text.append("  ").append(e.getKey()).append(": \"")
                    .append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n"));
            files.put(spec.name() + "-credentials.yaml", text.toString());
        }
        return files;
    }

    /** Where {@code ./hailway env} writes {@link #kubeCredentials}, one file each (deploy/k8s/play-local.sh reads them all). */
    public Path kubeCredentialsDirectory() {
        return options.baseDirectory().resolve("containers").resolve("kube");
    }

    void writeEnvironmentFiles(List<ContainerSpec> all) {
        for (ContainerSpec spec : all) {
            var text = new StringBuilder("# Written by ./hailway up --containers at every start; holds passwords.\n");
            spec.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> text.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
            try {
                Files.createDirectories(spec.environmentFile().getParent());
                if (!Files.exists(spec.environmentFile())) {
                    Files.createFile(spec.environmentFile(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                Files.writeString(spec.environmentFile(), text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + spec.environmentFile(), e);
            }
        }
    }

    private boolean running(String container) {
        var result = engine.run(ENGINE_TIMEOUT, List.of("inspect", "--format", "{{.State.Running}}", container));
        return result.ok() && result.output().strip().equals("true");
    }

    private long pid(String container) {
        var result = engine.run(ENGINE_TIMEOUT, List.of("inspect", "--format", "{{.State.Pid}}", container));
        try {
            return result.ok() ? Long.parseLong(result.output().strip()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String exitCode(String container) {
        var result = engine.run(ENGINE_TIMEOUT, List.of("inspect", "--format", "{{.State.ExitCode}}", container));
        return result.ok() ? result.output().strip() : "unknown";
    }

    private ContainerSpec spec(String name) {
        containers();
        ContainerSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no container named " + name + "; known: " + specs.keySet());
        }
        return spec;
    }

    private void progress(String format, Object... args) {
        out.printf("  " + format + "%n", args);
    }
}
