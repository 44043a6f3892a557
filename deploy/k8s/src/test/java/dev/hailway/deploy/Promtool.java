package dev.hailway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prometheus's own checker, {@code promtool}: Debian's prometheus package (2.42) puts it at /usr/bin/promtool, on this
 * machine and in .ci/run. Its absence fails a test rather than skipping it: rules nobody checked would go out.
 */
final class Promtool {

    record Result(int exitCode, String output) {
    }

    private Promtool() {
    }

    static Result run(String... arguments) {
        assertThat(onPath()).as("promtool checks the alert rules (/usr/bin/promtool, Debian's prometheus package; .ci/run installs it)")
                .isTrue();
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("promtool did not finish within a minute: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean onPath() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(directory -> !directory.isEmpty() && Files.isExecutable(Path.of(directory, "promtool")));
    }
}
