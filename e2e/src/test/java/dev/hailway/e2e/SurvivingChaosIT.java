package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.hailway.chaos.Chaos;
import dev.hailway.chaos.ChaosOptions;
import dev.hailway.chaos.check.AuditSources;
import dev.hailway.chaos.faults.FaultKind;
import dev.hailway.chaos.faults.Faults;
import dev.hailway.runtime.Platform;
import dev.hailway.runtime.ServiceSpec;

/**
 * The short chaos run of every build: a rush while three services are killed and restarted, one is paused past its
 * callers' timeouts, Kafka is killed and PostgreSQL crashes; then the checker's invariants and the redelivery of
 * every consumer group. The long run (every service killed, for longer) is {@code ./hailway chaos}.
 */
@ExtendWith(PlatformExtension.class)
class SurvivingChaosIT {

    private final Platform platform;

    SurvivingChaosIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void aRushThroughKilledPausedAndCrashedProcessesLosesNothingAndEndsClean() throws IOException {
        Path root = Path.of(System.getProperty("hailway.repository.root", "..")).toAbsolutePath().normalize();
        Path log = root.resolve("e2e/target/chaos.log");
        Files.createDirectories(log.getParent());
        ChaosOptions options = ChaosOptions.parse(root, "--duration", "150s", "--seed", "20261201", "--kills", "3",
                "--rate", "40", "--drivers", "15", "--riders", "20", "--settle", "60s",
                "--history", root.resolve("e2e/target/chaos-history.jsonl").toString());

        Chaos.Result result;
        try (OutputStream file = new FileOutputStream(log.toFile());
             PrintStream out = new PrintStream(new Tee(file, System.out), true, StandardCharsets.UTF_8)) {
            result = Chaos.run(options, Faults.of(platform), AuditSources.of(platform),
                    platform.options().services().stream().map(ServiceSpec::name).toList(), out);
        }

        String printed = Files.readString(log);
        assertThat(result.faults()).extracting(fault -> fault.fault().kind()).as(printed)
                .containsOnlyOnce(FaultKind.PAUSE, FaultKind.KAFKA, FaultKind.POSTGRES)
                .filteredOn(kind -> kind == FaultKind.KILL).hasSize(3);
        assertThat(result.faults()).allSatisfy(fault -> assertThat(fault.problem()).as(fault.toString()).isNull());
        assertThat(result.rush().tripsRequested()).as("the rush requested trips throughout:\n" + printed).isGreaterThan(30);
        assertThat(result.violations()).as(printed).isEmpty();
    }

    /** The run's report both in a file (an artifact of the build) and on the console. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
