package dev.hailway.chaos.faults;

import java.nio.file.Path;
import java.time.Duration;

import dev.hailway.runtime.ControlRequests;
import dev.hailway.runtime.ControlRequests.Action;
import dev.hailway.runtime.LocalPlatform;

/**
 * The hands of a chaos run: what it can do to a process of the platform, by name, in the launcher's own vocabulary
 * ({@link Action}), so that a platform in this JVM and one in another process are driven the same way.
 */
@FunctionalInterface
public interface Faults {

    /** Does {@code action} to the process {@code name}; throws if it could not. */
    void apply(Action action, String name);

    default void kill(String name) {
        apply(Action.KILL, name);
    }

    /** Stops a process gracefully: a service leaves its consumer groups on the way out. */
    default void stop(String name) {
        apply(Action.STOP, name);
    }

    /** Starts a killed or stopped process again (or stops and starts a running one), waiting until it is healthy. */
    default void restart(String name) {
        apply(Action.RESTART, name);
    }

    default void pause(String name) {
        apply(Action.PAUSE, name);
    }

    default void resume(String name) {
        apply(Action.RESUME, name);
    }

    /** A platform this JVM runs, e.g. the end-to-end suite's. */
    static Faults of(LocalPlatform platform) {
        return (action, name) -> {
            switch (action) {
                case KILL -> platform.kill(name);
                case STOP -> platform.stop(name);
                case RESTART -> platform.restart(name);
                case PAUSE -> platform.pause(name);
                case RESUME -> platform.resume(name);
            }
        };
    }

    /**
     * A platform {@code ./hailway up} runs in another process: each fault is a control request it answers, as
     * {@code ./hailway kill NAME} sends one.
     */
    static Faults ofLauncher(Path controlDirectory) {
        Duration answerWithin = Duration.ofMinutes(3);
        return (action, name) -> {
            ControlRequests.Answer answer = ControlRequests.send(controlDirectory, action, name, answerWithin);
            if (!answer.ok()) {
                throw new IllegalStateException(answer.message());
            }
        };
    }
}
