package dev.hailway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hailway.platform.infra.DatabaseCredentials;

/** ./hailway restart|kill|pause|resume in one shell, the launcher in another: the request files between them. */
class ControlRequestsTest {

    private static final Duration ANSWERED = Duration.ofSeconds(10);

    @TempDir
    Path run;

    private final RecordingPlatform platform = new RecordingPlatform();
    private final AtomicInteger changes = new AtomicInteger();
    private ControlRequests launcher;

    @AfterEach
    void stopTheLauncher() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void aRequestFromAnotherShellIsCarriedOutAndAnswered() {
        serve();

        ControlRequests.Answer answer = ControlRequests.send(run, ControlRequests.Action.KILL, "trips", ANSWERED);

        assertThat(answer.ok()).as(answer.message()).isTrue();
        assertThat(answer.message()).startsWith("killed trips (SIGKILL)");
        assertThat(platform.calls).containsExactly("kill trips");
        assertThat(changes).as("the pids are written again for ./hailway status").hasValue(1);
    }

    @Test
    void restartStartsAKilledServiceAgainAndThawsAPausedOneBeforeStoppingIt() {
        serve();

        ControlRequests.send(run, ControlRequests.Action.KILL, "trips", ANSWERED);
        assertThat(ControlRequests.send(run, ControlRequests.Action.RESTART, "trips", ANSWERED).ok()).isTrue();
        ControlRequests.send(run, ControlRequests.Action.PAUSE, "dispatch", ANSWERED);
        assertThat(ControlRequests.send(run, ControlRequests.Action.RESTART, "dispatch", ANSWERED).ok()).isTrue();

        assertThat(platform.calls).containsExactly(
                "kill trips", "stop trips", "start trips",
                "pause dispatch", "resume dispatch", "stop dispatch", "start dispatch");
    }

    @Test
    void aToolMayStopAProcessGracefullyAndRestartStartsItAgain() {
        serve();

        ControlRequests.Answer stopped = ControlRequests.send(run, ControlRequests.Action.STOP, "kafka", ANSWERED);
        assertThat(ControlRequests.send(run, ControlRequests.Action.RESTART, "kafka", ANSWERED).ok()).isTrue();

        assertThat(stopped.ok()).as(stopped.message()).isTrue();
        assertThat(stopped.message()).startsWith("stopped kafka");
        assertThat(platform.calls).containsSubsequence("stop kafka", "start kafka");
    }

    @Test
    void anUnknownNameIsRefusedWithTheNamesThatAreKnown() {
        serve();

        ControlRequests.Answer answer = ControlRequests.send(run, ControlRequests.Action.PAUSE, "trip", ANSWERED);

        assertThat(answer.ok()).isFalse();
        assertThat(answer.message()).contains("no process named trip").contains("trips").contains("kafka").contains("postgres");
        assertThat(platform.calls).isEmpty();
    }

    @Test
    void whatThePlatformCouldNotDoIsAnsweredNotSwallowed() {
        serve();
        platform.failing = true;

        ControlRequests.Answer answer = ControlRequests.send(run, ControlRequests.Action.PAUSE, "gateway", ANSWERED);

        assertThat(answer.ok()).isFalse();
        assertThat(answer.message()).isEqualTo("pause gateway failed: kill(1) refused");
    }

    @Test
    void withNoLauncherTheClientGivesUpAndLeavesNoRequestBehind() throws Exception {
        ControlRequests.Answer answer = ControlRequests.send(run, ControlRequests.Action.KILL, "trips", Duration.ofMillis(300));

        assertThat(answer.ok()).isFalse();
        assertThat(answer.message()).contains("did not answer");
        try (var left = Files.list(run)) {
            assertThat(left).isEmpty();
        }
    }

    private void serve() {
        launcher = new ControlRequests(run, platform, changes::incrementAndGet);
        launcher.start();
    }

    /** Records what it is asked to do; processes run until killed or stopped. */
    static final class RecordingPlatform implements LocalPlatform {

        final List<String> calls = new CopyOnWriteArrayList<>();
        final Set<String> stopped = ConcurrentHashMap.newKeySet();
        volatile boolean failing;

        @Override
        public void stop(String service) {
            calls.add("stop " + service);
            stopped.add(service);
        }

        @Override
        public void kill(String service) {
            calls.add("kill " + service);
            stopped.add(service);
        }

        @Override
        public void start(String service) {
            calls.add("start " + service);
            stopped.remove(service);
        }

        @Override
        public void pause(String name) {
            if (failing) {
                throw new IllegalStateException("kill(1) refused");
            }
            calls.add("pause " + name);
        }

        @Override
        public void resume(String name) {
            if (stopped.contains(name)) {
                throw new IllegalArgumentException(name + " is not running");
            }
            calls.add("resume " + name);
        }

        @Override
        public PlatformOptions options() {
            return PlatformOptions.defaults(Path.of("/repo"));
        }

        @Override
        public List<RunState.ProcessRecord> processes() {
            return List.of();
        }

        @Override
        public void close() {
        }

        @Override
        public String gatewayUrl() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String serviceUrl(String service) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String kafkaBootstrapServers() {
            throw new UnsupportedOperationException();
        }

        @Override
        public DatabaseCredentials database(String service) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String operatorEmail() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String operatorPassword() {
            throw new UnsupportedOperationException();
        }
    }
}
