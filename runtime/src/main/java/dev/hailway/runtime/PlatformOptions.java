package dev.hailway.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to start the platform. {@link #defaults(Path)} gives what {@code ./hailway up} uses: data, logs and run state
 * under {@code <repo>/.hailway}, the ports of {@link PortSet#LOCAL} and {@link Services#LOCAL}.
 *
 * @param repositoryRoot where {@code services/<name>/target/<name>.jar} are found
 * @param baseDirectory  where {@code data/}, {@code logs/}, {@code run/} and {@code app/} go
 * @param serviceJvmOptions JVM options for every service process
 * @param aotCache       whether services run from an extracted jar with a JDK AOT cache (trained on the first run)
 * @param out            where progress and the final table are printed
 */
public record PlatformOptions(
        Path repositoryRoot,
        Path baseDirectory,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        List<ServiceSpec> services,
        List<String> serviceJvmOptions,
        boolean aotCache,
        Duration healthTimeout,
        Map<String, Map<String, String>> serviceEnvironment,
        PrintStream out) {

    /**
     * Measured on a 2-core machine (runtime/README-snippet.md): C1 only and the serial collector start a Spring Boot
     * service fastest and keep it near 200 MB; the heap cap matters more for memory than any other flag.
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xss512k",
            "-Xms32m",
            "-Xmx160m",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=48m",
            "-XX:MaxDirectMemorySize=64m",
            "-XX:+ExitOnOutOfMemoryError");

    public PlatformOptions {
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        baseDirectory = baseDirectory.toAbsolutePath().normalize();
        services = Services.inStartOrder(services);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    public static PlatformOptions defaults(Path repositoryRoot) {
        return new PlatformOptions(repositoryRoot, repositoryRoot.resolve(".hailway"), PortSet.LOCAL.postgres(),
                PortSet.LOCAL.kafka(), PortSet.LOCAL.kafkaController(), Services.LOCAL, DEFAULT_SERVICE_JVM_OPTIONS, true, Duration.ofSeconds(120), Map.of(), System.out);
    }

    public PlatformOptions withBaseDirectory(Path directory) {
        return new PlatformOptions(repositoryRoot, directory, postgresPort, kafkaPort, kafkaControllerPort, services,
                serviceJvmOptions, aotCache, healthTimeout, serviceEnvironment, out);
    }

    public PlatformOptions withInfrastructurePorts(int postgres, int kafka, int kafkaController) {
        return new PlatformOptions(repositoryRoot, baseDirectory, postgres, kafka, kafkaController, services,
                serviceJvmOptions, aotCache, healthTimeout, serviceEnvironment, out);
    }

    public PlatformOptions withServices(List<ServiceSpec> newServices) {
        return new PlatformOptions(repositoryRoot, baseDirectory, postgresPort, kafkaPort, kafkaControllerPort, newServices,
                serviceJvmOptions, aotCache, healthTimeout, serviceEnvironment, out);
    }

    public PlatformOptions withServicePort(String service, int port) {
        if (services.stream().noneMatch(spec -> spec.name().equals(service))) {
            throw new IllegalArgumentException("no service named " + service);
        }
        List<ServiceSpec> changed = new ArrayList<>();
        for (ServiceSpec spec : services) {
            changed.add(spec.name().equals(service) ? spec.withPort(port) : spec);
        }
        return withServices(changed);
    }

    public PlatformOptions withServiceJvmOptions(List<String> options) {
        return new PlatformOptions(repositoryRoot, baseDirectory, postgresPort, kafkaPort, kafkaControllerPort, services,
                options, aotCache, healthTimeout, serviceEnvironment, out);
    }

    public PlatformOptions withAotCache(boolean enabled) {
        return new PlatformOptions(repositoryRoot, baseDirectory, postgresPort, kafkaPort, kafkaControllerPort, services,
                serviceJvmOptions, enabled, healthTimeout, serviceEnvironment, out);
    }

    public PlatformOptions withHealthTimeout(Duration timeout) {
        return new PlatformOptions(repositoryRoot, baseDirectory, postgresPort, kafkaPort, kafkaControllerPort, services,
                serviceJvmOptions, aotCache, timeout, serviceEnvironment, out);
    }

    /**
     * Extra environment variables for one service, on top of (and overriding) what the launcher sets: e.g. the
     * end-to-end suite's shorter offer timeouts.
     */
    public PlatformOptions withServiceEnvironment(String service, Map<String, String> environment) {
        Map<String, Map<String, String>> changed = new java.util.HashMap<>(serviceEnvironment);
        changed.merge(service, Map.copyOf(environment), (a, b) -> {
            Map<String, String> merged = new java.util.HashMap<>(a);
            merged.putAll(b);
            return Map.copyOf(merged);
        });
        return new PlatformOptions(repositoryRoot, baseDirectory, postgresPort, kafkaPort, kafkaControllerPort, services,
                serviceJvmOptions, aotCache, healthTimeout, changed, out);
    }

    /** The extra environment of {@link #withServiceEnvironment}, for one service. */
    public Map<String, String> extraEnvironment(String service) {
        return serviceEnvironment.getOrDefault(service, Map.of());
    }

    public PlatformOptions withOut(PrintStream stream) {
        return new PlatformOptions(repositoryRoot, baseDirectory, postgresPort, kafkaPort, kafkaControllerPort, services,
                serviceJvmOptions, aotCache, healthTimeout, serviceEnvironment, stream);
    }

    public Path dataDirectory() {
        return baseDirectory.resolve("data");
    }

    public Path logDirectory() {
        return baseDirectory.resolve("logs");
    }

    public Path runDirectory() {
        return baseDirectory.resolve("run");
    }

    public Path secretsDirectory() {
        return dataDirectory().resolve("secrets");
    }

    public Path serviceJar(String service) {
        return repositoryRoot.resolve("services").resolve(service).resolve("target").resolve(service + ".jar");
    }
}
