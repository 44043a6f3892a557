package dev.hailway.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start the platform. {@link #defaults(Path)} gives what {@code ./hailway up} uses: data, logs and run state
 * under {@code <repo>/.hailway}, the ports of docs/CONVENTIONS.md and {@link Services#LOCAL}.
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
    }

    public static PlatformOptions defaults(Path repositoryRoot) {
        return new PlatformOptions(repositoryRoot, repositoryRoot.resolve(".hailway"), 54329, 29092, 29093,
                Services.LOCAL, DEFAULT_SERVICE_JVM_OPTIONS, true, Duration.ofSeconds(120), System.out);
    }

    public PlatformOptions withBaseDirectory(Path directory) {
        return new PlatformOptions(repositoryRoot, directory, postgresPort, kafkaPort, kafkaControllerPort, services,
                serviceJvmOptions, aotCache, healthTimeout, out);
    }

    public PlatformOptions withInfrastructurePorts(int postgres, int kafka, int kafkaController) {
        return new PlatformOptions(repositoryRoot, baseDirectory, postgres, kafka, kafkaController, services,
                serviceJvmOptions, aotCache, healthTimeout, out);
    }

    public PlatformOptions withServices(List<ServiceSpec> newServices) {
        return new PlatformOptions(repositoryRoot, baseDirectory, postgresPort, kafkaPort, kafkaControllerPort, newServices,
                serviceJvmOptions, aotCache, healthTimeout, out);
    }

    public PlatformOptions withServicePort(String service, int port) {
        List<ServiceSpec> changed = new ArrayList<>();
        for (ServiceSpec spec : services) {
            changed.add(spec.name().equals(service) ? spec.withPort(port) : spec);
        }
        if (changed.equals(services)) {
            throw new IllegalArgumentException("no service named " + service);
        }
        return withServices(changed);
    }

    public PlatformOptions withServiceJvmOptions(List<String> options) {
        return new PlatformOptions(repositoryRoot, baseDirectory, postgresPort, kafkaPort, kafkaControllerPort, services,
                options, aotCache, healthTimeout, out);
    }

    public PlatformOptions withAotCache(boolean enabled) {
        return new PlatformOptions(repositoryRoot, baseDirectory, postgresPort, kafkaPort, kafkaControllerPort, services,
                serviceJvmOptions, enabled, healthTimeout, out);
    }

    public PlatformOptions withHealthTimeout(Duration timeout) {
        return new PlatformOptions(repositoryRoot, baseDirectory, postgresPort, kafkaPort, kafkaControllerPort, services,
                serviceJvmOptions, aotCache, timeout, out);
    }

    public PlatformOptions withOut(PrintStream stream) {
        return new PlatformOptions(repositoryRoot, baseDirectory, postgresPort, kafkaPort, kafkaControllerPort, services,
                serviceJvmOptions, aotCache, healthTimeout, stream);
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
