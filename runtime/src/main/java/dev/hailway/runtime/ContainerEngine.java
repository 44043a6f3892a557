package dev.hailway.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The container engine's command line: podman by default, or what {@code HAILWAY_CONTAINER_ENGINE} names (docker's
 * commands used here are the same). Every call has a timeout and fails with the engine's own words.
 */
public final class ContainerEngine {

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
        } catch (java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Runs {@code command args...}, standard error folded into the output. */
    public ExternalCommand.Result run(Duration timeout, List<String> args) {
        return ExternalCommand.run(commandLine(args), timeout);
    }

    /** As {@link #run}, but a failure is an exception carrying what the engine said. */
    public String check(Duration timeout, List<String> args) {
        return ExternalCommand.check(commandLine(args), timeout);
    }

    private List<String> commandLine(List<String> args) {
        List<String> full = new ArrayList<>();
        full.add(command);
        full.addAll(args);
        return full;
    }

    public boolean imageExists(String image) {
        return run(Duration.ofSeconds(30), List.of("image", "exists", image)).ok();
    }

    /** One value of {@code image inspect}, e.g. {@code {{.Size}}} or {@code {{index .Labels "x"}}}; empty if none. */
    public String inspectImage(String image, String format) {
        return check(Duration.ofSeconds(30), List.of("image", "inspect", "--format", format, image)).strip();
    }
}
