package dev.hailway.location.positions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a single ping must look like to be possible at all: a position on Earth, a heading on the compass, a speed a
 * car can have, and a time that is not in the future (beyond some clock drift). Whether it is plausible after the
 * previous ping is {@link ReportingPositions}'s call.
 */
public record PingRules(double maxSpeedKmh, Duration maxFutureSkew) {

    /** Speed a sensor may report; above it the reading is garbage, whatever the plausibility check says. */
    public static final double MAX_REPORTED_SPEED_KMH = 300;

    public List<Violation> check(Ping ping, String prefix, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (ping.lat() == null) {
            violations.add(new Violation(prefix + "lat", "is required"));
        } else if (!(ping.lat() >= -90 && ping.lat() <= 90)) {
            violations.add(new Violation(prefix + "lat", "must be between -90 and 90"));
        }
        if (ping.lng() == null) {
            violations.add(new Violation(prefix + "lng", "is required"));
        } else if (!(ping.lng() >= -180 && ping.lng() <= 180)) {
            violations.add(new Violation(prefix + "lng", "must be between -180 and 180"));
        }
        if (ping.heading() != null && !(ping.heading() >= 0 && ping.heading() < 360)) {
            violations.add(new Violation(prefix + "heading", "must be at least 0 and less than 360"));
        }
        if (ping.speedKmh() != null && !(ping.speedKmh() >= 0 && ping.speedKmh() <= MAX_REPORTED_SPEED_KMH)) {
            violations.add(new Violation(prefix + "speedKmh", "must be between 0 and " + (int) MAX_REPORTED_SPEED_KMH));
        }
        if (ping.at() == null) {
            violations.add(new Violation(prefix + "at", "is required"));
        } else if (ping.at().isAfter(now.plus(maxFutureSkew))) {
            violations.add(new Violation(prefix + "at", "must not be more than " + maxFutureSkew.toSeconds()
                    + " s in the future"));
        }
        return violations;
    }
}
