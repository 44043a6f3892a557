package dev.hailway.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The container engine's command line: podman by default, or what {@code HAILWAY_CONTAINER_ENGINE} names (docker's
 * commands used here are the same). Every call has a timeout and fails with the engine's own words.
 */
public final class ContainerEngine {

    /** What a call printed and how it ended. */
    public record Result(int exitCode, String output) {

        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final String command;

    public ContainerEngine(String command) {
        this.command = command;
    }

    public static ContainerEngine fromEnvironment() {
        String named = System.getenv("HAILWAY_CONTAINER_ENGINE");
        return new ContainerEngine(named == null || named.isBlank() ? "podman" : named);
    }

    public String command() {
        return command;
    }

    /** Whether the engine is installed and answers at all. */
    public boolean available() {
        try {
            return run(Duration.ofSeconds(30), List.of("version")).ok();
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** Runs {@code command args...}, standard error folded into the output. */
    public Result run(Duration timeout, List<String> args) {
        List<String> full = new ArrayList<>();
        full.add(command);
        full.addAll(args);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                return new Result(124, command + " " + String.join(" ", args) + " did not finish within " + timeout.toSeconds() + " s\n"
                        + output.getNow(""));
            }
            return new Result(process.exitValue(), output.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + " (is it installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** As {@link #run}, but a failure is an exception carrying what the engine said. */
    public String check(Duration timeout, List<String> args) {
        Result result = run(timeout, args);
        if (!result.ok()) {
            throw new IllegalStateException(command + " " + String.join(" ", args) + " failed (exit " + result.exitCode() + "):\n"
                    + result.output().strip());
        }
        return result.output();
    }

    public boolean imageExists(String image) {
        return run(Duration.ofSeconds(30), List.of("image", "exists", image)).ok();
    }

    /** One value of {@code image inspect}, e.g. {@code {{.Size}}} or {@code {{index .Labels "x"}}}; empty if none. */
    public String inspectImage(String image, String format) {
        return check(Duration.ofSeconds(30), List.of("image", "inspect", "--format", format, image)).strip();
    }
}
