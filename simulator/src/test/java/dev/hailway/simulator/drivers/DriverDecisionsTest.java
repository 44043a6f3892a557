package dev.hailway.simulator.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DriverDecisionsTest {

    @Test
    void acceptsTheConfiguredShareOfOffers() {
        DriverDecisions decisions = new DriverDecisions(new Random(1), 0.9, 60, 30);

        long accepted = IntStream.range(0, 10_000).filter(i -> decisions.accepts()).count();

        assertThat(accepted / 10_000.0).isCloseTo(0.9, within(0.01));
    }

    @Test
    void aDriverWhoAlwaysOrNeverAcceptsDoesSo() {
        DriverDecisions always = new DriverDecisions(new Random(2), 1, 60, 30);
        DriverDecisions never = new DriverDecisions(new Random(3), 0, 60, 30);

        assertThat(IntStream.range(0, 1000).allMatch(i -> always.accepts())).isTrue();
        assertThat(IntStream.range(0, 1000).noneMatch(i -> never.accepts())).isTrue();
    }

    @Test
    void theSameSeedMakesTheSameDecisions() {
        DriverDecisions first = new DriverDecisions(new Random(42), 0.5, 60, 30);
        DriverDecisions second = new DriverDecisions(new Random(42), 0.5, 60, 30);

        for (int i = 0; i < 100; i++) {
            assertThat(first.accepts()).isEqualTo(second.accepts());
        }
    }

    @Test
    void aRideTakesItsDrivingTimeDividedByTheTimeScale() {
        DriverDecisions decisions = new DriverDecisions(new Random(4), 0.9, 60, 30);

        // 5 km at 30 km/h is 10 minutes, which at 60 times real speed is 10 s.
        assertThat(decisions.rideTime(5000)).isEqualTo(Duration.ofSeconds(10));
        assertThat(decisions.approachTime(1000)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void scaledTimesStayWithinTheirBounds() {
        DriverDecisions decisions = new DriverDecisions(new Random(5), 0.9, 1, 30);

        assertThat(decisions.rideTime(10)).isEqualTo(DriverDecisions.SHORTEST_RIDE);
        assertThat(decisions.rideTime(50_000)).isEqualTo(DriverDecisions.LONGEST_RIDE);
        assertThat(decisions.approachTime(0)).isEqualTo(DriverDecisions.SHORTEST_APPROACH);
        assertThat(decisions.approachTime(50_000)).isEqualTo(DriverDecisions.LONGEST_APPROACH);
    }

    @Test
    void cruisingIsRealTimeButATripMovesFasterYetNeverImplausiblyFast() {
        DriverDecisions decisions = new DriverDecisions(new Random(6), 0.9, 60, 30);

        assertThat(decisions.metersIn(Duration.ofSeconds(4), false)).isCloseTo(33.33, within(0.01));
        // Location rejects pings implying more than 250 km/h: the trip speed is capped well below.
        assertThat(decisions.metersIn(Duration.ofSeconds(4), true)).isCloseTo(150 / 3.6 * 4, within(0.01));
        assertThat(decisions.reportedSpeedKmh(true)).isEqualTo(DriverDecisions.FASTEST_PLAUSIBLE_KMH);
        assertThat(decisions.reportedSpeedKmh(false)).isEqualTo(30);
    }
}
