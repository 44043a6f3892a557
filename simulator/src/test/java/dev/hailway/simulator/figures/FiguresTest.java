package dev.hailway.simulator.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FiguresTest {

    private final Figures figures = new Figures();

    @Test
    void requestToAssignmentPercentilesComeFromTheHistogram() {
        IntStream.rangeClosed(1, 1000).forEach(figures::assignedAfter);

        Summary summary = figures.summary();

        assertThat(summary.assignments()).isEqualTo(1000);
        assertThat(summary.assignmentP50Millis()).isCloseTo(500, within(1L));
        assertThat(summary.assignmentP99Millis()).isCloseTo(990, within(1L));
    }

    @Test
    void noAssignmentMeansZeroPercentilesRatherThanAnError() {
        assertThat(figures.summary().assignmentP50Millis()).isZero();
        assertThat(figures.summary().assignmentP99Millis()).isZero();
    }

    @Test
    void countsTripsByTheirLastStatusAndCancellationsByReason() {
        UUID paid = UUID.randomUUID();
        figures.tripStatus(paid, "REQUESTED", null);
        figures.tripStatus(paid, "DRIVER_ASSIGNED", null);
        figures.tripStatus(paid, "PAID", null);
        figures.tripStatus(UUID.randomUUID(), "CANCELLED", "NO_DRIVER");
        figures.tripStatus(UUID.randomUUID(), "CANCELLED", "RIDER_CANCELLED");
        figures.tripStatus(UUID.randomUUID(), "CANCELLED", "RIDER_CANCELLED");
        figures.tripStatus(UUID.randomUUID(), "IN_PROGRESS", null);

        Summary summary = figures.summary();

        assertThat(summary.tripsRequested()).isEqualTo(5);
        assertThat(summary.tripsByStatus()).containsOnly(entry("PAID", 1L), entry("CANCELLED", 3L), entry("IN_PROGRESS", 1L));
        assertThat(summary.cancelledByReason()).containsOnly(entry("NO_DRIVER", 1L), entry("RIDER_CANCELLED", 2L));
        assertThat(summary.nonTerminal()).isEqualTo(1);
        assertThat(figures.openTrips()).isEqualTo(1);
        assertThat(summary.healthy()).isFalse();
    }

    @Test
    void classifiesErrorsByStatusAndProblemSlug() {
        assertThat(ErrorKind.ofResponse(409, "https://hailway.dev/problems/conflict"))
                .isEqualTo(new ErrorKind("409 conflict", false));
        assertThat(ErrorKind.ofResponse(429, "https://hailway.dev/problems/rate-limited"))
                .isEqualTo(new ErrorKind("429 rate-limited", false));
        assertThat(ErrorKind.ofResponse(503, "https://hailway.dev/problems/service-unavailable"))
                .isEqualTo(new ErrorKind("503 service-unavailable", true));
        assertThat(ErrorKind.ofResponse(502, null)).isEqualTo(new ErrorKind("502", true));
        assertThat(ErrorKind.ofResponse(404, "about:blank")).isEqualTo(new ErrorKind("404", false));
        assertThat(ErrorKind.ofResponse(400, "https://example.com/errors/bad-thing")).isEqualTo(new ErrorKind("400 bad-thing", false));
        assertThat(ErrorKind.TIMEOUT.unexpected()).isTrue();
        assertThat(ErrorKind.CONNECTION.unexpected()).isTrue();
    }

    @Test
    void onlyUnexpectedErrorsMakeTheRunUnhealthy() {
        figures.error(ErrorKind.ofResponse(409, "https://hailway.dev/problems/conflict"));
        figures.error(ErrorKind.ofResponse(409, "https://hailway.dev/problems/conflict"));
        figures.error(ErrorKind.ofResponse(429, "https://hailway.dev/problems/rate-limited"));
        assertThat(figures.summary().healthy()).isTrue();
        assertThat(figures.summary().exitCode()).isZero();

        figures.error(ErrorKind.TIMEOUT, "GET /api/trips/1 -> timeout");

        Summary summary = figures.summary();
        assertThat(summary.unexpectedExamples()).containsExactly("GET /api/trips/1 -> timeout");
        assertThat(summary.errorsByKind()).containsOnly(entry("409 conflict", 2L), entry("429 rate-limited", 1L), entry("timeout", 1L));
        assertThat(summary.unexpectedErrors()).isEqualTo(1);
        assertThat(summary.healthy()).isFalse();
        assertThat(summary.exitCode()).isEqualTo(1);
    }

    @Test
    void keepsOnlyTheFirstFewExamplesOfUnexpectedErrorsAndNoneOfTheExpectedOnes() {
        figures.error(ErrorKind.ofResponse(409, null), "POST /api/trips/1/arrive -> 409");
        for (int i = 0; i < 50; i++) {
            figures.error(ErrorKind.ofResponse(503, null), "call " + i);
        }

        assertThat(figures.summary().unexpectedExamples()).hasSize(Figures.EXAMPLES_KEPT).startsWith("call 0");
        assertThat(figures.summary().unexpectedErrors()).isEqualTo(50);
    }

    @Test
    void countsStayRightUnderConcurrentWriters() throws InterruptedException {
        Thread[] writers = new Thread[8];
        for (int w = 0; w < writers.length; w++) {
            writers[w] = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 1000; i++) {
                    figures.error(ErrorKind.CONNECTION);
                    figures.assignedAfter(i);
                    figures.tripStatus(UUID.randomUUID(), "PAID", null);
                }
            });
        }
        for (Thread writer : writers) {
            writer.join();
        }

        Summary summary = figures.summary();
        assertThat(summary.errorsByKind()).containsOnly(entry("connection", 8000L));
        assertThat(summary.assignments()).isEqualTo(8000);
        assertThat(summary.trips("PAID")).isEqualTo(8000);
    }
}
