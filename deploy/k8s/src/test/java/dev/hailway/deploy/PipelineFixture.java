package dev.hailway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small reactor shaped like Hailway's, in a directory of its own, for the scripts to compute on: three services,
 * two contracts (beta-api built on alpha-api), the shared modules, and decoys the scripts must not be fooled by.
 */
final class PipelineFixture {

    static final List<String> IMAGES = List.of("kafka", "postgres", "alpha", "beta", "gamma");

    private PipelineFixture() {
    }

    static Path reactor(Path root) {
        write(root.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project>
                    <artifactId>hailway</artifactId>
                    <version>0.1.0-SNAPSHOT</version>
                    <modules>
                        <module>build-parent</module>
                        <module>platform/web</module>
                        <module>contracts/common-api</module>
                        <module>contracts/alpha-api</module>
                        <module>contracts/beta-api</module>
                        <module>services/alpha</module>
                        <module>services/beta</module>
                        <module>services/gamma</module>
                        <module>runtime</module>
                        <module>deploy/images</module>
                    </modules>
                </project>
                """);
        module(root, "build-parent", "build-parent");
        module(root, "platform/web", "platform-web");
        module(root, "contracts/common-api", "common-api");
        module(root, "contracts/alpha-api", "alpha-api", "common-api");
        module(root, "contracts/beta-api", "beta-api", "alpha-api");
        module(root, "services/alpha", "alpha", "alpha-api", "platform-web");
        module(root, "services/beta", "beta", "beta-api", "platform-web");
        // gamma names beta-api only in a comment and as a plugin: neither makes it a dependent.
        write(root.resolve("services/gamma/pom.xml"), """
                <project>
                    <parent>
                        <artifactId>build-parent</artifactId>
                    </parent>
                    <artifactId>gamma</artifactId>
                    <dependencies>
                        <!-- once: <dependency><artifactId>beta-api</artifactId></dependency> -->
                        <dependency><groupId>dev.hailway</groupId><artifactId>platform-web</artifactId></dependency>
                    </dependencies>
                    <build><plugins><plugin><artifactId>beta-api</artifactId></plugin></plugins></build>
                </project>
                """);
        module(root, "runtime", "hailway-runtime", "platform-web");
        module(root, "deploy/images", "hailway-images", "hailway-runtime", "alpha", "beta", "gamma");
        write(root.resolve("docs/README.md"), "docs\n");
        return root;
    }

    private static void module(Path root, String path, String artifactId, String... dependencies) {
        StringBuilder pom = new StringBuilder("""
                <project>
                    <parent>
                        <artifactId>build-parent</artifactId>
                    </parent>
                """);
        pom.append("    <artifactId>").append(artifactId).append("</artifactId>\n    <dependencies>\n");
        for (String dependency : dependencies) {
            pom.append("        <dependency>\n            <groupId>dev.hailway</groupId>\n            <artifactId>")
                    .append(dependency).append("</artifactId>\n        </dependency>\n");
        }
        pom.append("    </dependencies>\n</project>\n");
        write(root.resolve(path).resolve("pom.xml"), pom.toString());
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An executable stand-in for a command the scripts call (skopeo), placed first on their PATH. */
    static void stub(Path bin, String command, String script) {
        Path file = bin.resolve(command);
        write(file, "#!/usr/bin/env bash\nset -euo pipefail\n" + script);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs git in {@code repository} with an identity of its own, and returns what it printed. */
    static String git(Path repository, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString(),
                "-c", "user.name=pipeline test", "-c", "user.email=pipeline@hailway.test", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
            }
            return output.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The fixture as a repository with one commit; returns that commit. */
    static String committed(Path root) {
        git(root, "init", "--quiet", "--initial-branch=main");
        git(root, "add", "--all");
        git(root, "commit", "--quiet", "--message", "the reactor");
        return git(root, "rev-parse", "HEAD");
    }

    static String commitChange(Path root, String path) {
        write(root.resolve(path), "changed " + System.nanoTime() + "\n");
        git(root, "add", "--all");
        git(root, "commit", "--quiet", "--message", "change " + path);
        return git(root, "rev-parse", "HEAD");
    }
}
