package dev.hailway.simulator.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    @TempDir
    Path directory;

    @Test
    void readsBackEveryExchangeInTheOrderItWasRecorded() {
        Path file = directory.resolve("nested/history.jsonl");
        var accepted = new Exchange(Instant.parse("2026-12-01T10:00:00Z"), 35, "POST /api/trips", 201, null,
                "0195a3f2-0000-7000-8000-000000000001");
        var timedOut = new Exchange(Instant.parse("2026-12-01T10:00:01Z"), 10_000, "POST /api/trips", 0, "timeout", null);
        try (History history = History.writingTo(file)) {
            history.record(accepted);
            history.record(timedOut);
        }

        assertThat(History.read(file)).containsExactly(accepted, timedOut);
    }

    @Test
    void onlyAnAnswered201ToATripRequestPromisesATrip() {
        Instant at = Instant.now();
        String trip = "0195a3f2-0000-7000-8000-000000000001";
        assertThat(List.of(
                new Exchange(at, 1, "POST /api/trips", 201, null, trip),
                new Exchange(at, 1, "POST /api/trips", 503, null, null),
                new Exchange(at, 1, "POST /api/trips", 0, "timeout", null),
                new Exchange(at, 1, "GET /api/trips/" + trip, 200, null, trip)))
                .filteredOn(Exchange::acceptedTripRequest).hasSize(1);
    }
}
