package dev.hailway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class SimulationOptionsTest {

    @Test
    void noArgumentsGiveTheDocumentedDefaults() {
        SimulationOptions options = SimulationOptions.parse();

        assertThat(options.gateway()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(options.drivers()).isEqualTo(20);
        assertThat(options.riders()).isEqualTo(50);
        assertThat(options.ratePerMinute()).isEqualTo(30);
        assertThat(options.trips()).isZero();
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.drain()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.reportEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.pingEvery()).isEqualTo(Duration.ofSeconds(4));
        assertThat(options.pollEvery()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.acceptRate()).isEqualTo(0.9);
        assertThat(options.declinedShare()).isEqualTo(0.05);
        assertThat(options.cancelShare()).isEqualTo(0.1);
        assertThat(options.timeScale()).isEqualTo(60);
        assertThat(options.speedKmh()).isEqualTo(30);
    }

    @Test
    void readsBothSpellingsOfEveryOption() {
        SimulationOptions options = SimulationOptions.parse("--gateway", "http://gw:9000/", "--drivers=3", "--riders", "7",
                "--rate", "12.5", "--trips=40", "--duration", "90", "--drain=2m", "--report-every", "500ms",
                "--ping-every", "PT3S", "--poll-every", "2s", "--accept-rate", "1", "--declined-share=0", "--cancel-share", "0.25",
                "--time-scale", "30", "--speed", "40", "--seed", "42", "--history", "run/history.jsonl");

        assertThat(options).isEqualTo(new SimulationOptions(URI.create("http://gw:9000"), 3, 7, 12.5, 40,
                Duration.ofSeconds(90), Duration.ofMinutes(2), Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(2),
                1, 0, 0.25, 30, 40, 42, java.nio.file.Path.of("run/history.jsonl")));
    }

    @Test
    void readsDurationsInTheUsualShorthands() {
        assertThat(SimulationOptions.parseDuration("x", "45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(SimulationOptions.parseDuration("x", "45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(SimulationOptions.parseDuration("x", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(SimulationOptions.parseDuration("x", "3m")).isEqualTo(Duration.ofMinutes(3));
        assertThat(SimulationOptions.parseDuration("x", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(SimulationOptions.parseDuration("x", "PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> SimulationOptions.parseDuration("drain", "soon"))
                .hasMessageContaining("--drain is not a duration: soon");
    }

    @Test
    void rejectsWhatCannotBeRunWithAMessageNamingTheOption() {
        assertThatThrownBy(() -> SimulationOptions.parse("--riderz", "3")).hasMessageContaining("Unknown option --riderz");
        assertThatThrownBy(() -> SimulationOptions.parse("--drivers")).hasMessageContaining("--drivers needs a value");
        assertThatThrownBy(() -> SimulationOptions.parse("--drivers", "many")).hasMessageContaining("--drivers is not a number");
        assertThatThrownBy(() -> SimulationOptions.parse("--accept-rate", "1.5")).hasMessageContaining("--accept-rate must be between 0 and 1");
        assertThatThrownBy(() -> SimulationOptions.parse("--rate", "0")).hasMessageContaining("--rate must be more than 0");
        assertThatThrownBy(() -> SimulationOptions.parse("--time-scale", "0.5")).hasMessageContaining("--time-scale");
        assertThatThrownBy(() -> SimulationOptions.parse("drivers", "3")).hasMessageContaining("Unexpected argument: drivers");
    }

    @Test
    void recognisesAHelpRequestAnywhere() {
        assertThat(SimulationOptions.wantsHelp("--drivers", "3", "--help")).isTrue();
        assertThat(SimulationOptions.wantsHelp("-h")).isTrue();
        assertThat(SimulationOptions.wantsHelp("--drivers", "3")).isFalse();
        assertThat(SimulationOptions.USAGE).contains("--drivers", "--riders", "--rate", "--trips", "--duration", "--drain",
                "--report-every", "--ping-every", "--poll-every", "--accept-rate", "--declined-share", "--cancel-share", "--time-scale",
                "--speed", "--seed", "--gateway");
    }

    @Test
    void aBuilderStartsFromTheDefaultsForProgrammaticRuns() {
        SimulationOptions options = new SimulationOptions.Builder().gateway("http://localhost:18080").drivers(2)
                .trips(5).seed(7).build();

        assertThat(options.gateway()).isEqualTo(URI.create("http://localhost:18080"));
        assertThat(options.drivers()).isEqualTo(2);
        assertThat(options.riders()).isEqualTo(50);
        assertThat(options.trips()).isEqualTo(5);
        assertThat(options.seed()).isEqualTo(7);
    }
}
