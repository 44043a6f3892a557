package dev.hailway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ./hailway refuses what it does not know, with its usage and exit code 64, before it builds or starts anything. */
class HailwayScriptIT {

    private static final Path ROOT = Path.of(System.getProperty("hailway.repository.root", "..")).toAbsolutePath().normalize();

    record Run(int exitCode, String output) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"up --anything", "up --detach --containers --bogus", "start", "down --now", "status -v", "images --all"})
    void anUnknownCommandOrOptionIsRefusedWithTheUsage(String arguments) throws Exception {
        Run run = hailway(arguments.split(" "));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(64);
        assertThat(run.output()).containsPattern("unknown (command|option)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"up --anything", "start"})
    void theRefusalShowsWhatIsKnown(String arguments) throws Exception {
        assertThat(hailway(arguments.split(" ")).output()).contains("usage: ./hailway <command>").contains("--containers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kill", "pause trips dispatch", "restart --all", "resume"})
    void theFaultCommandsWantExactlyOneName(String arguments) throws Exception {
        Run run = hailway(arguments.split(" "));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(64);
        assertThat(run.output()).contains("usage: ./hailway " + arguments.split(" ")[0] + " NAME");
    }

    @ParameterizedTest
    @ValueSource(strings = {"logs", "logs trips --tail", "logs trips -f extra"})
    void logsWantsOneNameAndAtMostFollow(String arguments) throws Exception {
        Run run = hailway(arguments.split(" "));

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.output()).contains("usage: ./hailway logs NAME [-f]");
    }

    private static Run hailway(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("hailway").toString()));
        command.addAll(List.of(arguments));
        // A build it must not start: with the jars in place, HAILWAY_SKIP_BUILD keeps a refused command from building.
        var builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("HAILWAY_SKIP_BUILD", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
