package dev.hailway.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

import dev.hailway.runtime.ContainerEngine;
import dev.hailway.runtime.Images;
import dev.hailway.runtime.ServiceSpec;
import dev.hailway.runtime.Services;

/** The images the build just made, read back from the engine's store: labels, user, layers and every file. */
class ImagesIT {

    private static final Path ROOT = Path.of(System.getProperty("hailway.repository.root", "../..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("hailway.version");
    private static final ContainerEngine ENGINE = ContainerEngine.fromEnvironment();
    private static final List<String> SERVICES = Services.LOCAL.stream().map(ServiceSpec::name).toList();
    private static final List<String> ALL = Stream.concat(Stream.of("kafka", "postgres"), SERVICES.stream()).toList();

    /** Programs that build software, fetch packages or open a shell: none belongs in an image that only runs Java. */
    private static final Pattern TOOLS = Pattern.compile(
            "(^|/)(javac|jar|jlink|jdeps|jpackage|jshell|jarsigner|gcc|cc|g\\+\\+|ld|as|make|cmake|mvn|gradle|apt|apt-get|dpkg|rpm|"
                    + "yum|apk|pip|npm|node|git|curl|wget|bash|sh|dash|busybox|su|sudo)$");
    /** Names that hold passwords and keys, or the build's own inputs. */
    private static final Pattern SECRETS = Pattern.compile(
            "(\\.(password|secret|env|pem|key|p12|jks|keystore)$)|(^|/)(id_rsa|id_ed25519|\\.netrc|\\.npmrc|settings\\.xml|training[^/]*)$");

    @Test
    void everyImageIsLabelledWithItsSourceRevisionVersionAndLicence() {
        String revision = ImageBuild.revision(ROOT);
        for (String image : ALL) {
            String tag = Images.reference(image, VERSION);
            Map<String, String> labels = new LinkedHashMap<>();
            for (String label : List.of("source", "revision", "version", "licenses", "title")) {
                labels.put(label, ENGINE.inspectImage(tag, "{{index .Labels \"org.opencontainers.image." + label + "\"}}"));
            }

            assertThat(labels).as(tag).containsEntry("revision", revision).containsEntry("version", VERSION)
                    .containsEntry("title", "hailway-" + image);
            assertThat(labels.get("source")).as(tag).startsWith("https://");
            assertThat(labels.get("licenses")).as(tag).startsWith("Apache-2.0");
        }
    }

    @Test
    void imagesAreForLinuxOnThisMachinesArchitectureAndTheBuildDeclaresArmToo() {
        for (String image : ALL) {
            assertThat(ENGINE.inspectImage(Images.reference(image, VERSION), "{{.Os}}/{{.Architecture}}")).as(image).isEqualTo("linux/amd64");
        }
        assertThat(System.getProperty("hailway.image.platforms").split(",")).containsExactlyInAnyOrder("linux/amd64", "linux/arm64");
    }

    @Test
    void everyImageRunsAsTheUnprivilegedNumericUser() {
        for (String image : ALL) {
            assertThat(ENGINE.inspectImage(Images.reference(image, VERSION), "{{.Config.User}}")).as(image).isEqualTo("10001:10001");
        }
    }

    @Test
    void aServiceTakesItsHeapFromTheContainersMemoryLimitAndUsesTheAotCacheOfItsBuild() {
        for (String service : SERVICES) {
            String tag = Images.reference(service, VERSION);
            String flags = ENGINE.check(Duration.ofMinutes(1), List.of("run", "--rm", "--network", "host", "--memory", "512m",
                    "--entrypoint", "java", tag, "@/app/jvm.options", "-XX:+PrintFlagsFinal", "-version"));
            long maxHeap = Long.parseLong(flag(flags, "MaxHeapSize"));
            assertThat(maxHeap).as("%s: 30 %% of 512 MiB", service).isBetween(150L << 20, 160L << 20);

            // AOTMode=on fails the start where auto would quietly run without a cache that does not fit.
            String aot = ENGINE.check(Duration.ofMinutes(1), List.of("run", "--rm", "--network", "host", "--entrypoint", "java", tag,
                    "@/app/jvm.options", "-XX:AOTMode=on", "-XX:AOTCache=/app/app.aot", "-Xlog:aot=info", "-cp", "/app/app.jar", "-version"));
            assertThat(aot).as(service).contains("Using AOT-linked classes: true");
            assertThat(ENGINE.inspectImage(tag, "{{json .Config.Entrypoint}}")).as(service)
                    .isEqualTo("[\"java\",\"@/app/jvm.options\",\"-XX:AOTCache=/app/app.aot\",\"-jar\",\"/app/app.jar\"]");
        }
    }

    @Test
    void noImageHoldsBuildToolsSourcesOrSecrets() throws IOException {
        for (String image : ALL) {
            List<String> files = files(Images.reference(image, VERSION));

            assertThat(files).as(image).contains("opt/java/openjdk/bin/java").isNotEmpty();
            assertThat(files).as("%s: build tools or a shell", image)
                    .filteredOn(f -> TOOLS.matcher(f).find())
                    // initdb and pg_ctl need /bin/sh; the PostgreSQL image is the one with a shell.
                    .filteredOn(f -> !(image.equals("postgres") && f.equals("bin/sh")))
                    .isEmpty();
            assertThat(files).as("%s: sources", image).noneMatch(f -> f.endsWith(".java") || f.endsWith("pom.xml") || f.contains(".git/"));
            assertThat(files).as("%s: secrets", image).noneMatch(f -> SECRETS.matcher(f).find());
        }
    }

    @Test
    void noLayerAndNoHistoryHoldsAPasswordOfTheTrainingRuns() throws IOException {
        List<String> passwords = new ArrayList<>();
        Path secrets = ROOT.resolve("deploy/images/target/images/training/data/secrets");
        try (Stream<Path> files = Files.list(secrets)) {
            for (Path file : files.toList()) {
                passwords.add(Files.readString(file).strip());
            }
        }
        assertThat(passwords).as("the training runs had passwords").isNotEmpty();
        for (String service : SERVICES) {
            String tag = Images.reference(service, VERSION);
            String history = ENGINE.check(Duration.ofMinutes(1), List.of("history", "--no-trunc", "--format", "{{.CreatedBy}}", tag));
            String environment = ENGINE.inspectImage(tag, "{{json .Config.Env}}");

            assertThat(passwords).as(service).allSatisfy(password -> {
                assertThat(history).doesNotContain(password);
                assertThat(environment).doesNotContain(password);
            });
        }
    }

    @Test
    void aServicesOwnCodeIsASmallLayerAboveItsDependenciesAndTheAotCacheTheTopOne() throws IOException {
        for (String service : SERVICES) {
            List<Layer> layers = layers(Images.reference(service, VERSION));
            Layer dependencies = layers.stream().filter(l -> l.files().stream().anyMatch(f -> f.startsWith("app/lib/spring-core-"))).findFirst().orElseThrow();
            Layer application = layers.stream().filter(l -> l.files().contains("app/app.jar")).findFirst().orElseThrow();
            Layer top = layers.getLast();

            assertThat(layers.indexOf(application)).as(service).isGreaterThan(layers.indexOf(dependencies));
            assertThat(application.size()).as("%s's own code", service).isLessThan(2_000_000);
            assertThat(dependencies.size()).as("%s's dependencies", service).isGreaterThan(30_000_000);
            assertThat(top.files()).as(service).contains("app/app.aot");
            assertThat(dependencies.newestFile()).as("%s: copied with one time, so a rebuild gives the same layer", service)
                    .isEqualTo(ImageBuild.LAYER_TIME.toInstant());
        }
    }

    @Test
    void aBillOfMaterialsLiesBesideEveryImageAndInsideIt() throws IOException {
        for (String image : ALL) {
            Path beside = ROOT.resolve("deploy/images/target/images").resolve(image + ".cdx.json");
            String bom = Files.readString(beside);

            assertThat(bom).as(image).containsPattern("\"bomFormat\"\\s*:\\s*\"CycloneDX\"").containsPattern("\"name\"\\s*:\\s*\"slf4j-api\"");
            assertThat(files(Images.reference(image, VERSION))).as(image).contains("app/sbom.cdx.json");
        }
    }

    record Layer(List<String> files, long size, Instant newestFile) {
    }

    /** Every file of the image's file system, from a container made (not started) of it. */
    private static List<String> files(String tag) throws IOException {
        String container = ENGINE.check(Duration.ofMinutes(1), List.of("create", tag)).strip();
        try {
            Process export = new ProcessBuilder(ENGINE.command(), "export", container).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> files = new ArrayList<>();
            try (var tar = new TarArchiveInputStream(export.getInputStream())) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    if (!entry.isDirectory()) {
                        files.add(entry.getName().replaceFirst("^\\./", ""));
                    }
                }
            }
            await(export);
            return files;
        } finally {
            ENGINE.run(Duration.ofMinutes(1), List.of("rm", "--force", container));
        }
    }

    /** The image's layers from the bottom up, each with its files, its size and its newest file time. */
    private static List<Layer> layers(String tag) throws IOException {
        Process save = new ProcessBuilder(ENGINE.command(), "save", "--format", "docker-archive", tag)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, Layer> byName = new LinkedHashMap<>();
        List<String> order = List.of();
        try (var archive = new TarArchiveInputStream(save.getInputStream())) {
            for (TarArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
                if (entry.getName().equals("manifest.json")) {
                    order = ImageReport.layerOrder(new String(archive.readAllBytes(), StandardCharsets.UTF_8));
                } else if (entry.getName().endsWith(".tar")) {
                    byName.put(entry.getName(), layer(archive));
                }
            }
        }
        await(save);
        return order.stream().map(byName::get).toList();
    }

    private static Layer layer(InputStream content) throws IOException {
        List<String> files = new ArrayList<>();
        long size = 0;
        Instant newest = Instant.EPOCH;
        var tar = new TarArchiveInputStream(content);
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            if (entry.isFile()) {
                files.add(entry.getName().replaceFirst("^\\./", ""));
                size += entry.getSize();
                if (entry.getModTime().toInstant().isAfter(newest)) {
                    newest = entry.getModTime().toInstant();
                }
            }
        }
        return new Layer(files, size, newest);
    }

    private static String flag(String printFlagsFinal, String name) {
        return printFlagsFinal.lines().filter(line -> line.matches("\\s*\\S+\\s+" + name + "\\s+=.*")).findFirst()
                .map(line -> line.split("=")[1].trim().split("\\s+")[0]).orElseThrow(() -> new AssertionError("no flag " + name));
    }

    private static void await(Process process) {
        try {
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
