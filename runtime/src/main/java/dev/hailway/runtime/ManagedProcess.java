package dev.hailway.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child JVM of the platform (Kafka or a service), with its output in a log file of its own. */
final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code command} with stdout and stderr appended to {@code logFile}. On Linux the child gets a session of
     * its own ({@code setsid}), so a Ctrl-C in the launcher's terminal reaches only the launcher, which then stops
     * the children in order: services before the broker they publish to.
     */
    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path workingDirectory, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "---- hailway: starting " + name + " at " + java.time.Instant.now() + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            List<String> full = new ArrayList<>();
            if (SETSID_AVAILABLE) {
                full.add("setsid");
            }
            full.addAll(command);
            var builder = new ProcessBuilder(full)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            // Fewer malloc arenas: tens of MB less RSS per JVM (see ./hailway); the caller's choice wins if it made one.
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private static final boolean SETSID_AVAILABLE = Files.isExecutable(Path.of("/usr/bin/setsid"));

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    Path logFile() {
        return logFile;
    }

    /** Asks the process to stop (SIGTERM) without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Waits up to {@code grace} for the process to end after {@link #requestStop()}, then kills it. */
    void awaitStop(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    void stop(Duration grace) {
        requestStop();
        awaitStop(grace);
    }

    /** SIGKILL: no shutdown hooks, no graceful shutdown, as when a machine loses power. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<String> lastLines(int count) {
        return LogTail.lastLines(logFile, count);
    }
}
