package dev.hailway.simulator.drivers;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * What a driver decides, apart from the HTTP calls, so that it can be tested with a seeded random.
 *
 * @param acceptRate share of offers accepted
 * @param timeScale  how much faster than real time approach and ride go
 * @param speedKmh   driving speed in town
 */
public record DriverDecisions(RandomGenerator random, double acceptRate, double timeScale, double speedKmh) {

    static final Duration SHORTEST_APPROACH = Duration.ofSeconds(1);
    static final Duration LONGEST_APPROACH = Duration.ofSeconds(30);
    static final Duration SHORTEST_RIDE = Duration.ofSeconds(2);
    static final Duration LONGEST_RIDE = Duration.ofSeconds(120);
    /**
     * Location refuses a ping implying more than 250 km/h since the previous one, so a scaled-up trip cannot move the
     * car as fast as it passes time: the car moves at most this fast, and the ride ends on time wherever it is.
     */
    static final double FASTEST_PLAUSIBLE_KMH = 150;

    public boolean accepts() {
        return random.nextDouble() < acceptRate;
    }

    /** How long driving to the pickup takes in the simulation's time. */
    public Duration approachTime(double meters) {
        return scaled(meters, SHORTEST_APPROACH, LONGEST_APPROACH);
    }

    /** How long the ride takes in the simulation's time. */
    public Duration rideTime(double meters) {
        return scaled(meters, SHORTEST_RIDE, LONGEST_RIDE);
    }

    /** Meters the car covers in {@code elapsed} while on a trip (scaled) or cruising (real time). */
    public double metersIn(Duration elapsed, boolean onTrip) {
        double kmh = onTrip ? Math.min(speedKmh * timeScale, FASTEST_PLAUSIBLE_KMH) : speedKmh;
        return kmh / 3.6 * elapsed.toMillis() / 1000.0;
    }

    public double reportedSpeedKmh(boolean onTrip) {
        return onTrip ? Math.min(speedKmh * timeScale, FASTEST_PLAUSIBLE_KMH) : speedKmh;
    }

    private Duration scaled(double meters, Duration shortest, Duration longest) {
        long millis = Math.round(meters / (speedKmh / 3.6) / timeScale * 1000);
        return Duration.ofMillis(Math.clamp(millis, shortest.toMillis(), longest.toMillis()));
    }
}
