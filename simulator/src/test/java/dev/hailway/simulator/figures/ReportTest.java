package dev.hailway.simulator.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportTest {

    private final Summary summary = new Summary(6, Map.of("PAID", 3L, "REQUESTED", 1L, "CANCELLED", 2L),
            Map.of("NO_DRIVER", 1L, "RIDER_CANCELLED", 1L), 4, 850, 2300,
            Map.of("409 conflict", 5L, "503 service-unavailable", 1L), 1,
            List.of("POST /api/trips -> 503 service-unavailable (request r-1)"), 1);

    @Test
    void listsStatusesInLifecycleOrderWithCancellationReasons() {
        assertThat(Report.live(summary, Duration.ofSeconds(35))).isEqualTo(
                "[  35s] trips 6: REQUESTED 1, PAID 3, CANCELLED 2 (NO_DRIVER 1, RIDER_CANCELLED 1) | assigned p50 850 ms"
                        + " p99 2.3 s (n=4) | errors: 409 conflict 5, 503 service-unavailable 1");
    }

    @Test
    void theClosingBlockSaysWhatWasLeftOpenAndWhetherTheRunPassed() {
        String closing = Report.closing(summary);

        assertThat(closing).contains("not terminal:         1", "unexpected errors:    1",
                "    POST /api/trips -> 503 service-unavailable (request r-1)", "result:               FAILED");
    }
}
