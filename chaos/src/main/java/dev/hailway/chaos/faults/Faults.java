package dev.hailway.chaos.faults;

import java.nio.file.Path;
import java.time.Duration;

import dev.hailway.runtime.ControlRequests;
import dev.hailway.runtime.LocalPlatform;

/** The hands of a chaos run: what it can do to a process of the platform, by name. */
public interface Faults {

    void kill(String name);

    /** Stops a process gracefully: a service leaves its consumer groups on the way out. */
    void stop(String name);

    /** Starts a killed process again (or stops and starts a running one), waiting until it is healthy. */
    void restart(String name);

    void pause(String name);

    void resume(String name);

    /** A platform this JVM runs, e.g. the end-to-end suite's. */
    static Faults of(LocalPlatform platform) {
        return new Faults() {
            @Override
            public void kill(String name) {
                platform.kill(name);
            }

            @Override
            public void stop(String name) {
                platform.stop(name);
            }

            @Override
            public void restart(String name) {
                platform.restart(name);
            }

            @Override
            public void pause(String name) {
                platform.pause(name);
            }

            @Override
            public void resume(String name) {
                platform.resume(name);
            }
        };
    }

    /**
     * A platform {@code ./hailway up} runs in another process: each fault is a control request it answers, as
     * {@code ./hailway kill NAME} sends one.
     */
    static Faults ofLauncher(Path controlDirectory) {
        return new Faults() {
            private static final Duration ANSWER = Duration.ofMinutes(3);

            private void send(ControlRequests.Action action, String name) {
                ControlRequests.Answer answer = ControlRequests.send(controlDirectory, action, name, ANSWER);
                if (!answer.ok()) {
                    throw new IllegalStateException(answer.message());
                }
            }

            @Override
            public void kill(String name) {
                send(ControlRequests.Action.KILL, name);
            }

            @Override
            public void stop(String name) {
                send(ControlRequests.Action.STOP, name);
            }

            @Override
            public void restart(String name) {
                send(ControlRequests.Action.RESTART, name);
            }

            @Override
            public void pause(String name) {
                send(ControlRequests.Action.PAUSE, name);
            }

            @Override
            public void resume(String name) {
                send(ControlRequests.Action.RESUME, name);
            }
        };
    }
}
