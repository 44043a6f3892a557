package dev.hailway.simulator.riders;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import dev.hailway.simulator.seoul.GeoPoint;
import dev.hailway.simulator.seoul.Seoul;

/**
 * What a rider decides, apart from the HTTP calls, so that it can be tested with a seeded random.
 *
 * @param declinedShare share of riders whose card is declined
 * @param cancelShare   share of trips cancelled before pickup
 */
public record RiderDecisions(RandomGenerator random, double declinedShare, double cancelShare) {

    public static final String GOOD_CARD = "tok_visa";
    public static final String DECLINED_CARD = "tok_chargeDeclined";

    /** Most rides in town are a few kilometres: the drop-off is within this much of the pickup on each axis. */
    static final double FARTHEST_DROPOFF_METERS = 4000;
    static final double NEAREST_DROPOFF_METERS = 500;
    /** A rider who cancels does it while waiting: somewhere in the first quarter of a minute. */
    static final Duration LATEST_CANCEL = Duration.ofSeconds(15);

    /** Statuses in which the rider has not been picked up yet, so a cancel is still a cancel before pickup. */
    private static final Set<String> BEFORE_PICKUP = Set.of("REQUESTED", "PAYMENT_AUTHORIZED", "DRIVER_ASSIGNED", "DRIVER_ARRIVED");

    public record Plan(GeoPoint pickup, GeoPoint dropoff) {
    }

    public String cardToken() {
        return random.nextDouble() < declinedShare ? DECLINED_CARD : GOOD_CARD;
    }

    public Plan plan() {
        GeoPoint pickup = Seoul.randomPoint(random);
        GeoPoint dropoff;
        do {
            dropoff = Seoul.randomPointNear(pickup, FARTHEST_DROPOFF_METERS, random);
        } while (pickup.metersTo(dropoff) < NEAREST_DROPOFF_METERS);
        return new Plan(pickup, dropoff);
    }

    /** How long after the request this trip gets cancelled, if it does. */
    public Optional<Duration> cancelAfter() {
        if (random.nextDouble() >= cancelShare) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(random.nextLong(1, LATEST_CANCEL.toMillis() + 1)));
    }

    public static boolean beforePickup(String status) {
        return BEFORE_PICKUP.contains(status);
    }
}
