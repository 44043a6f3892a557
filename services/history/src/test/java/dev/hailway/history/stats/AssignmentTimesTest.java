package dev.hailway.history.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class AssignmentTimesTest {

    @Test
    void percentilesAreNearestRankOverTheWindow() {
        List<Duration> waits = new ArrayList<>();
        for (int seconds = 1; seconds <= 100; seconds++) {
            waits.add(Duration.ofSeconds(seconds));
        }
        Collections.shuffle(waits);

        assertThat(AssignmentTimes.of(waits)).isEqualTo(new AssignmentTimes(100, 50_000, 95_000, 100_000));
    }

    @Test
    void oneTripIsItsOwnPercentiles() {
        assertThat(AssignmentTimes.of(List.of(Duration.ofMillis(1_234))))
                .isEqualTo(new AssignmentTimes(1, 1_234, 1_234, 1_234));
    }

    @Test
    void noAssignedTripsGiveZeros() {
        assertThat(AssignmentTimes.of(List.of())).isEqualTo(new AssignmentTimes(0, 0, 0, 0));
    }
}
