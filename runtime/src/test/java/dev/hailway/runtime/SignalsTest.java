package dev.hailway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On a real process: what ./hailway pause and resume do to a service. */
class SignalsTest {

    private Process sleeper;

    @BeforeEach
    void startAProcess() throws Exception {
        sleeper = new ProcessBuilder("sleep", "60").start();
    }

    @AfterEach
    void stopIt() {
        Signals.resume(sleeper.pid());
        sleeper.destroyForcibly();
    }

    @Test
    void aPausedProcessIsStoppedUntilResumedAndLivesOn() {
        assertThat(Signals.isPaused(sleeper.pid())).isFalse();

        Signals.pause(sleeper.pid());
        await().atMost(Duration.ofSeconds(5)).until(() -> Signals.isPaused(sleeper.pid()));
        assertThat(sleeper.isAlive()).isTrue();

        Signals.resume(sleeper.pid());
        await().atMost(Duration.ofSeconds(5)).until(() -> !Signals.isPaused(sleeper.pid()));
        assertThat(sleeper.isAlive()).isTrue();
    }
}
