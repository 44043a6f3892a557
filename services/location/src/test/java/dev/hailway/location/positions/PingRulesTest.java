package dev.hailway.location.positions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PingRulesTest {

    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    final PingRules rules = new PingRules(250, Duration.ofSeconds(30));

    static Ping ping(Double lat, Double lng, Double heading, Double speed, Instant at) {
        return new Ping(lat, lng, heading, speed, at);
    }

    @Test
    void aPlainPingIsFine() {
        assertThat(rules.check(ping(37.5, 127.0, 0.0, 0.0, NOW), "", NOW)).isEmpty();
        assertThat(rules.check(ping(-90.0, 180.0, 359.9, 300.0, NOW.plusSeconds(30)), "", NOW)).isEmpty();
        assertThat(rules.check(ping(90.0, -180.0, null, null, NOW.minusSeconds(3600)), "", NOW)).isEmpty();
    }

    @Test
    void namesEveryImpossibleField() {
        var violations = rules.check(ping(90.5, -180.1, 360.0, -1.0, NOW.plusSeconds(31)), "[2].", NOW);

        assertThat(violations).extracting(Violation::field)
                .containsExactly("[2].lat", "[2].lng", "[2].heading", "[2].speedKmh", "[2].at");
    }

    @Test
    void requiresPositionAndTime() {
        assertThat(rules.check(ping(null, null, null, null, null), "", NOW)).extracting(Violation::field)
                .containsExactly("lat", "lng", "at");
    }

    @Test
    void rejectsAbsurdSpeedsAndNotANumber() {
        assertThat(rules.check(ping(Double.NaN, 1.0, Double.NaN, 300.1, NOW), "", NOW)).extracting(Violation::field)
                .containsExactly("lat", "heading", "speedKmh");
    }
}
