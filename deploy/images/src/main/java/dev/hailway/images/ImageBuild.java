package dev.hailway.images;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.hailway.platform.infra.EmbeddedPostgres;
import dev.hailway.platform.infra.KafkaBroker;
import dev.hailway.runtime.ContainerEngine;
import dev.hailway.runtime.ExternalCommand;
import dev.hailway.runtime.ContainerPlatform;
import dev.hailway.runtime.Images;
import dev.hailway.runtime.PlatformOptions;
import dev.hailway.runtime.PortSet;
import dev.hailway.runtime.ServiceSpec;
import dev.hailway.runtime.Services;

/**
 * Builds the images of the platform into the container engine's local store: one per service from its Boot jar,
 * and Kafka and PostgreSQL from the jars and binaries the launcher already uses (docs/adr/0005). Run by the Maven
 * build ({@code deploy/images}, phase package) and so by {@code ./hailway images}.
 *
 * <p>Each service image records its JDK AOT cache in a training run during the build: the service starts with the
 * environment a real start gives it, its application context refreshes against a PostgreSQL and a Kafka started here
 * for the purpose, then the JVM writes the cache and exits.
 */
public final class ImageBuild {

    static final String REGISTRY_BASE = "docker.io/library/eclipse-temurin:25-jre";
    static final String LOCAL_BASE = "localhost/hailway/jre:25";
    /**
     * The memory limit of a training run. The JVM assembles the cache in a second JVM beside the first, so the run
     * needs more than a service container has; both heaps stay below 4 GB, where compressed pointers are encoded as
     * in the containers (a cache made with another encoding would be refused).
     */
    static final String TRAINING_MEMORY = "2g";

    private final Options options;
    private final ContainerEngine engine;
    private final PrintStream out = System.out;

    record Options(Path root, String version, String revision, String source, String base, Set<String> only,
                   List<String> declaredPlatforms, boolean allPlatforms, Path output, Path infraLib, Path infraSbom) {
    }

    ImageBuild(Options options, ContainerEngine engine) {
        this.options = options;
        this.engine = engine;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(64);
            return;
        }
        var engine = ContainerEngine.fromEnvironment();
        if (!engine.available()) {
            System.err.println("""
                    The image build needs a container engine, and '%s' does not answer. Install podman (Debian: apt-get \
                    install podman runc; see the README's Containers section for /etc/containers/containers.conf), set \
                    HAILWAY_CONTAINER_ENGINE=docker, or build without images: ./mvnw ... -Dhailway.images.skip""".formatted(engine.command()));
            System.exit(1);
        }
        try {
            new ImageBuild(options, engine).run();
        } catch (RuntimeException e) {
            System.err.println("image build failed: " + e.getMessage());
            System.exit(1);
        }
    }

    void run() {
        long began = System.nanoTime();
        List<Image> images = images();
        images.forEach(this::prepareContext);
        List<String> platforms = platforms();
        String base = resolveBase(images, platforms);
        List<Built> built = new ArrayList<>();
        try (var training = TrainingInfrastructure.start(options.output().resolve("training"),
                images.stream().filter(i -> i.kind() == Kind.SERVICE).map(Image::name).toList(), engine)) {
            for (Image image : images) {
                built.add(build(image, base, platforms, training));
            }
        }
        var report = new ImageReport(engine, options.output().resolve("layer-sizes"));
        String table = report.table(built);
        out.print(table);
        writeString(options.output().resolve("images.txt"), table);
        out.printf("%d images from %s in %.0f s%n", built.size(), base, (System.nanoTime() - began) / 1e9);
    }

    enum Kind { SERVICE, KAFKA, POSTGRES }

    record Image(String name, Kind kind) {

        Path context(Path output) {
            return output.resolve(name).resolve("context");
        }

        String containerfile() {
            return switch (kind) {
                case SERVICE -> "service.Containerfile";
                case KAFKA -> "kafka.Containerfile";
                case POSTGRES -> "postgres.Containerfile";
            };
        }
    }

    record Built(Image image, String tag, Duration took) {
    }

    List<Image> images() {
        List<Image> all = new ArrayList<>();
        all.add(new Image("kafka", Kind.KAFKA));
        all.add(new Image("postgres", Kind.POSTGRES));
        for (ServiceSpec service : Services.LOCAL) {
            all.add(new Image(service.name(), Kind.SERVICE));
        }
        if (options.only().isEmpty()) {
            return all;
        }
        Set<String> unknown = new TreeSet<>(options.only());
        all.forEach(image -> unknown.remove(image.name()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no image named " + unknown + "; known: " + all.stream().map(Image::name).toList());
        }
        return all.stream().filter(image -> options.only().contains(image.name())).toList();
    }

    /** The build context of one image: what its Containerfile copies, laid out in its layers. */
    void prepareContext(Image image) {
        Path context = image.context(options.output());
        Path images = options.root().resolve("deploy/images");
        try {
            Files.createDirectories(context.getParent());
            deleteRecursively(context);
            Files.createDirectories(context);
            switch (image.kind()) {
                case SERVICE -> {
                    Path jar = options.root().resolve("services").resolve(image.name()).resolve("target").resolve(image.name() + ".jar");
                    Path sbom = jar.resolveSibling(image.name() + ".cdx.json");
                    requireFile(jar, "build the service first: ./mvnw -pl services/" + image.name() + " -am package");
                    requireFile(sbom, "the service's build writes it (cyclonedx-maven-plugin, phase package)");
                    ExternalCommand.check(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers",
                            "--destination", context.toString()), Duration.ofMinutes(2));
                    Files.move(context.resolve("application").resolve(image.name() + ".jar"), context.resolve("application/app.jar"));
                    Files.copy(images.resolve("service-jvm.options"), context.resolve("jvm.options"));
                    Files.copy(sbom, context.resolve("sbom.cdx.json"));
                    // Mounted into the training step only (service.Containerfile), never copied into a layer.
                    String trainingClass = TrainingRun.class.getName().replace('.', '/') + ".class";
                    Path target = context.resolve("training").resolve(trainingClass);
                    Files.createDirectories(target.getParent());
                    try (var in = ImageBuild.class.getClassLoader().getResourceAsStream(trainingClass)) {
                        Files.copy(in, target);
                    }
                }
                case KAFKA, POSTGRES -> {
                    copyTree(options.infraLib(), context.resolve("lib"));
                    Files.copy(images.resolve("infra-jvm.options"), context.resolve("jvm.options"));
                    Files.copy(options.infraSbom(), context.resolve("sbom.cdx.json"));
                    Files.createDirectories(context.resolve("empty"));
                    if (image.kind() == Kind.POSTGRES) {
                        copyTree(EmbeddedPostgres.binaries(), context.resolve("postgres"));
                        for (String lib : List.of("libstdc++.so.6", "libgcc_s.so.1")) {
                            Files.copy(systemLibrary(lib), context.resolve("postgres/lib").resolve(lib), StandardCopyOption.REPLACE_EXISTING);
                        }
                        Files.createDirectories(context.resolve("rootfs/bin"));
                        Files.copy(Path.of("/bin/dash").toRealPath(), context.resolve("rootfs/bin/sh"));
                    }
                }
            }
            normalizeTimes(context);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the build context of " + image.name(), e);
        }
    }

    /** Copied files keep their times in a layer: one time for all makes the same files the same layer, build after build. */
    static final java.nio.file.attribute.FileTime LAYER_TIME = java.nio.file.attribute.FileTime.from(java.time.Instant.parse("1980-01-01T00:00:00Z"));

    private static void normalizeTimes(Path context) throws IOException {
        try (Stream<Path> paths = Files.walk(context)) {
            for (Path path : paths.toList()) {
                Files.getFileAttributeView(path, java.nio.file.attribute.BasicFileAttributeView.class, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        .setTimes(LAYER_TIME, null, null);
            }
        }
    }

    /**
     * The base named by {@code -Dhailway.image.base}; unnamed, eclipse-temurin:25-jre when the engine has it or can
     * pull it, and otherwise a base made on this machine (deploy/images/make-base.sh) from this JDK, cut to the
     * modules the jars need, and made again when that list changes.
     */
    String resolveBase(List<Image> images, List<String> platforms) {
        if (!options.base().isBlank()) {
            out.println("base image: " + options.base() + " (-Dhailway.image.base)");
            return options.base();
        }
        if (engine.imageExists(REGISTRY_BASE) || engine.run(Duration.ofMinutes(5), List.of("pull", "--quiet", REGISTRY_BASE)).ok()) {
            out.println("base image: " + REGISTRY_BASE);
            return REGISTRY_BASE;
        }
        if (platforms.size() > 1) {
            throw new IllegalStateException("no registry reachable for " + REGISTRY_BASE + ", and a base made here holds this "
                    + "machine's JDK only: it cannot serve " + platforms);
        }
        List<Path> jars = new ArrayList<>();
        for (Image image : images) {
            try (Stream<Path> files = Files.walk(image.context(options.output()))) {
                files.filter(f -> f.toString().endsWith(".jar")).forEach(jars::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String modules = String.join(",", JdkModules.withUserCache().of(jars));
        Path script = options.root().resolve("deploy/images/make-base.sh");
        if (engine.imageExists(LOCAL_BASE)
                && covers(engine.inspectImage(LOCAL_BASE, "{{index .Labels \"dev.hailway.jre.modules\"}}"), modules)
                && engine.inspectImage(LOCAL_BASE, "{{index .Labels \"dev.hailway.jre.recipe\"}}").equals(recipe(script))) {
            out.println("base image: " + LOCAL_BASE + " (no registry reachable for " + REGISTRY_BASE + "; made here earlier)");
            return LOCAL_BASE;
        }
        out.println("base image: making " + LOCAL_BASE + " from this JDK (no registry reachable for " + REGISTRY_BASE + ")");
        ExternalCommand.check(List.of("bash", script.toString(), "--tag", LOCAL_BASE,
                "--engine", engine.command(), "--modules", modules), Duration.ofMinutes(10));
        return LOCAL_BASE;
    }

    /** What make-base.sh labels its image with: the first 16 hex digits of its own SHA-256, so that a changed recipe makes a new base. */
    static String recipe(Path script) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(script));
            return java.util.HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base's modules include every one needed (make-base.sh adds a few that no analysis finds). */
    static boolean covers(String have, String needed) {
        Set<String> present = Set.of(have.split(","));
        return Stream.of(needed.split(",")).filter(m -> !m.isBlank()).allMatch(present::contains);
    }

    /**
     * Every declared platform with {@code -Dhailway.image.all-platforms=true} (the pipeline, which has an emulator
     * and a registry); otherwise this machine's own, which is all a local engine can run training runs for.
     */
    List<String> platforms() {
        if (options.allPlatforms()) {
            return options.declaredPlatforms();
        }
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> throw new IllegalStateException("no image platform for " + System.getProperty("os.arch"));
        };
        String own = "linux/" + arch;
        if (!options.declaredPlatforms().contains(own)) {
            throw new IllegalStateException(own + " is not among the declared platforms " + options.declaredPlatforms());
        }
        return List.of(own);
    }

    private Built build(Image image, String base, List<String> platforms, TrainingInfrastructure training) {
        long began = System.nanoTime();
        String tag = Images.reference(image.name(), options.version());
        Path context = image.context(options.output());
        List<String> args = new ArrayList<>(List.of("build",
                // RUN steps share the host's network and see only its loopback services: never the engine's bridge.
                "--network", "host",
                "--memory", TRAINING_MEMORY,
                "--pull=" + (base.startsWith("localhost/") ? "never" : "missing"),
                "--file", options.root().resolve("deploy/images").resolve(image.containerfile()).toString(),
                "--build-arg", "BASE=" + base,
                "--label", "org.opencontainers.image.source=" + options.source(),
                "--label", "org.opencontainers.image.revision=" + options.revision(),
                "--label", "org.opencontainers.image.version=" + options.version()));
        if (image.kind() == Kind.SERVICE) {
            Path secret = options.output().resolve(image.name()).resolve("training.env");
            writeSecret(secret, training.environment(image.name()));
            args.addAll(List.of("--build-arg", "SERVICE=" + image.name(), "--secret", "id=training,src=" + secret));
        }
        if (image.kind() == Kind.POSTGRES) {
            args.addAll(List.of("--label", "org.opencontainers.image.description=PostgreSQL " + postgresVersion(context)
                    + " for local Hailway runs, one database and role per service"));
        }
        if (platforms.size() > 1) {
            engine.run(Duration.ofMinutes(1), List.of("manifest", "rm", tag));
            args.addAll(List.of("--platform", String.join(",", platforms), "--manifest", tag));
        } else {
            args.addAll(List.of("--platform", platforms.getFirst(), "--tag", tag));
        }
        args.add(context.toString());
        out.printf("building %s ...%n", tag);
        var result = engine.run(Duration.ofMinutes(20), args);
        writeString(options.output().resolve(image.name()).resolve("build.log"), result.output());
        if (!result.ok()) {
            throw new IllegalStateException("building " + tag + " failed; the end of its log ("
                    + options.root().relativize(options.output().resolve(image.name()).resolve("build.log")) + "):\n"
                    + String.join("\n", result.output().strip().lines().toList().reversed().stream().limit(25).toList().reversed()));
        }
        try {
            Files.copy(context.resolve("sbom.cdx.json"), options.output().resolve(image.name() + ".cdx.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        out.printf("built %s in %d s%n", tag, took.toSeconds());
        return new Built(image, tag, took);
    }

    /** "14.22" from the binaries' own {@code postgres --version} (allowed as root, unlike starting a server). */
    private static String postgresVersion(Path context) {
        String output = ExternalCommand.check(List.of(context.resolve("postgres/bin/postgres").toString(), "--version"), Duration.ofSeconds(30));
        return output.strip().replaceFirst("^.*\\s", "");
    }

    /** {@code --name=value} pairs: an empty value stays an argument (the Maven build passes unset properties so). */
    static Options parse(String[] args) {
        Map<String, String> named = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("usage: ImageBuild --root=DIR --version=V --base=IMAGE --only=NAMES "
                        + "--platforms=LIST --all-platforms=BOOL --output=DIR --infra-lib=DIR --infra-sbom=FILE (not: " + arg + ")");
            }
            named.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        Path root = Path.of(named.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Set<String> only = new TreeSet<>();
        for (String name : named.getOrDefault("only", "").split(",")) {
            if (!name.isBlank()) {
                only.add(name.strip().toLowerCase(Locale.ROOT));
            }
        }
        return new Options(root, required(named, "version"), revision(root),
                named.getOrDefault("source", "https://github.com/hailway/hailway"), named.getOrDefault("base", "").strip(), only,
                List.of(named.getOrDefault("platforms", "linux/amd64,linux/arm64").split(",")),
                Boolean.parseBoolean(named.getOrDefault("all-platforms", "false")),
                Path.of(named.getOrDefault("output", root.resolve("deploy/images/target/images").toString())).toAbsolutePath(),
                Path.of(required(named, "infra-lib")).toAbsolutePath(), Path.of(required(named, "infra-sbom")).toAbsolutePath());
    }

    /** The commit the images are built from, marked {@code -dirty} when the work tree has changes; unknown outside git. */
    static String revision(Path root) {
        try {
            // safe.directory: the build may run as root on a checkout another user owns (the pipeline's podman steps).
            String commit = ExternalCommand.check(List.of("git", "-c", "safe.directory=*", "-C", root.toString(), "rev-parse", "HEAD"),
                    Duration.ofSeconds(30)).strip();
            String changes = ExternalCommand.check(List.of("git", "-c", "safe.directory=*", "-C", root.toString(), "status", "--porcelain",
                    "--untracked-files=no"), Duration.ofSeconds(60)).strip();
            return changes.isEmpty() ? commit : commit + "-dirty";
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private static String required(Map<String, String> named, String name) {
        String value = named.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ImageBuild needs --" + name);
        }
        return value;
    }

    /**
     * A PostgreSQL and a Kafka for the services' training runs, and each service's environment as the platform from
     * images would set it ({@link ContainerPlatform#containers}), pointed at them.
     */
    static final class TrainingInfrastructure implements AutoCloseable {

        private final EmbeddedPostgres postgres;
        private final KafkaBroker kafka;
        private final ContainerPlatform platform;

        private TrainingInfrastructure(EmbeddedPostgres postgres, KafkaBroker kafka, ContainerPlatform platform) {
            this.postgres = postgres;
            this.kafka = kafka;
            this.platform = platform;
        }

        static TrainingInfrastructure start(Path directory, List<String> services, ContainerEngine engine) {
            EmbeddedPostgres postgres = null;
            KafkaBroker kafka = null;
            try {
                deleteRecursively(directory);
                PlatformOptions options = PortSet.IMAGE_TRAINING.applyTo(PlatformOptions.defaults(directory)).withBaseDirectory(directory);
                postgres = EmbeddedPostgres.start(options.postgresPort(), options.dataDirectory().resolve("postgres"), options.secretsDirectory());
                for (ServiceSpec service : options.services()) {
                    if (service.needsDatabase() && services.contains(service.name())) {
                        postgres.ensureServiceDatabase(service.name());
                    }
                }
                kafka = KafkaBroker.start(options.kafkaPort(), options.kafkaControllerPort(), options.dataDirectory().resolve("kafka"));
                return new TrainingInfrastructure(postgres, kafka, new ContainerPlatform(options, engine, "training"));
            } catch (RuntimeException | IOException e) {
                if (kafka != null) {
                    kafka.close();
                }
                if (postgres != null) {
                    postgres.close();
                }
                throw e instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) e);
            }
        }

        /** An env file's lines: what the container of {@code service} would be started with. */
        String environment(String service) {
            var text = new StringBuilder();
            platform.containers().stream().filter(c -> c.name().equals(service)).findFirst().orElseThrow()
                    .environment().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
            return text.toString();
        }

        @Override
        public void close() {
            kafka.close();
            postgres.close();
        }
    }

    private static void requireFile(Path file, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: " + hint);
        }
    }

    private static Path systemLibrary(String name) {
        for (String dir : List.of("/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64")) {
            Path candidate = Path.of(dir, name);
            if (Files.exists(candidate)) {
                try {
                    return candidate.toRealPath();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("PostgreSQL's ICU libraries need " + name + ", which this machine lacks");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void writeSecret(Path file, String content) {
        dev.hailway.platform.infra.Secrets.write(file, content);
    }

    private static void writeString(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
