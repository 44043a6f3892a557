package dev.hailway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @Test
    void lastLinesOfALongLogAreReturnedInOrder(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("identity.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n");

        assertThat(LogTail.lastLines(log, 3)).containsExactly("line 99998", "line 99999", "line 100000");
    }

    @Test
    void veryLongLinesAreCut(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("drivers.log");
        Files.writeString(log, "x".repeat(5_000) + "\nstarted\n");

        assertThat(LogTail.lastLines(log, 2)).first().asString().hasSize(400 + " [...]".length()).endsWith(" [...]");
        assertThat(LogTail.lastLines(log, 2)).last().isEqualTo("started");
    }

    @Test
    void missingLogHasNoLines(@TempDir Path dir) {
        assertThat(LogTail.lastLines(dir.resolve("none.log"), 30)).isEmpty();
    }
}
