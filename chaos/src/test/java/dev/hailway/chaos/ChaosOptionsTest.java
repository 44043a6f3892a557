package dev.hailway.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.hailway.chaos.faults.FaultKind;

class ChaosOptionsTest {

    private final Path root = Path.of("/repo");

    @Test
    void aRunWithoutOptionsHurtsEverythingForFiveMinutesAndKeepsItsHistoryUnderHailway() {
        ChaosOptions options = ChaosOptions.parse(root);

        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.faults()).containsExactlyInAnyOrder(FaultKind.values());
        assertThat(options.kills()).isEqualTo(10);
        assertThat(options.redelivery()).isTrue();
        assertThat(options.history()).isEqualTo(root.resolve(".hailway/chaos/history-" + options.seed() + ".jsonl"));
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        ChaosOptions options = ChaosOptions.parse(root, "--duration=20m", "--seed", "9", "--faults", "kill,postgres", "--kills=4",
                "--rate", "90", "--drivers", "40", "--riders=60", "--settle", "2m", "--redelivery", "false", "--history", "h.jsonl");

        assertThat(options).isEqualTo(new ChaosOptions(Duration.ofMinutes(20), 9, java.util.Set.of(FaultKind.KILL, FaultKind.POSTGRES),
                4, 90, 40, 60, Duration.ofMinutes(2), false, Path.of("h.jsonl")));
    }

    @Test
    void refusesWhatItDoesNotKnowWithAMessageForTheUser() {
        assertThatThrownBy(() -> ChaosOptions.parse(root, "--flood", "1")).hasMessageContaining("Unknown option --flood");
        assertThatThrownBy(() -> ChaosOptions.parse(root, "--kills", "many")).hasMessageContaining("--kills is not a number");
        assertThatThrownBy(() -> ChaosOptions.parse(root, "--duration", "soon")).hasMessageContaining("--duration is not a duration");
        assertThatThrownBy(() -> ChaosOptions.parse(root, "--redelivery", "maybe")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> ChaosOptions.parse(root, "--seed")).hasMessageContaining("--seed needs a value");
    }
}
