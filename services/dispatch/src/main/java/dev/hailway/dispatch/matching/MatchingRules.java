package dev.hailway.dispatch.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a trip is matched: nearest driver first, one offer at a time, a driver never asked twice for the same trip,
 * and a point where dispatch stops trying. Pure: every input is a parameter, so the choices are unit-tested
 * without a clock, a database or location.
 *
 * <p>Batched matching (collecting trips and drivers for a few seconds and solving the assignment for the whole
 * batch) is a later step; this is the greedy one-trip-at-a-time rule.
 *
 * @param offerTimeout how long a driver has to answer an offer
 * @param maxRefusals  declined or expired offers after which dispatch gives up
 * @param deadline     how long after the dispatch request dispatch gives up
 * @param retryEvery   how long to wait before asking location again when nobody could be offered the trip
 */
public record MatchingRules(Duration offerTimeout, int maxRefusals, Duration deadline, Duration retryEvery) {

    public MatchingRules {
        requirePositive(offerTimeout, "offerTimeout");
        requirePositive(deadline, "deadline");
        requirePositive(retryEvery, "retryEvery");
        if (maxRefusals < 1) {
            throw new IllegalArgumentException("maxRefusals must be at least 1, was " + maxRefusals);
        }
    }

    /**
     * The next step for a trip with no offer out.
     *
     * @param candidates available drivers near the pickup, in any order
     * @param excluded   drivers who may not be asked: already asked for this trip, on a live trip, or holding
     *                   another pending offer
     */
    public Decision decide(Dispatch dispatch, List<Candidate> candidates, Set<DriverId> excluded, Instant now) {
        Optional<String> giveUp = reasonToGiveUp(dispatch, now);
        if (giveUp.isPresent()) {
            return new Decision.GiveUp(giveUp.get());
        }
        return nextCandidate(candidates, excluded)
                .<Decision>map(Decision.MakeOffer::new)
                .orElseGet(() -> new Decision.TryAgain(retryAt(dispatch, now)));
    }

    /** Whether matching must stop before anybody else is asked, and why. */
    public Optional<String> reasonToGiveUp(Dispatch dispatch, Instant now) {
        if (dispatch.refusals() >= maxRefusals) {
            return Optional.of(dispatch.refusals() + " offers declined or expired");
        }
        if (!now.isBefore(dispatch.deadline())) {
            return Optional.of("no driver accepted within " + deadline.toSeconds() + "s");
        }
        return Optional.empty();
    }

    /** The nearest candidate who may be asked; ties go to the smaller driver id, so the choice is repeatable. */
    public Optional<Candidate> nextCandidate(Collection<Candidate> candidates, Set<DriverId> excluded) {
        return candidates.stream()
                .filter(candidate -> !excluded.contains(candidate.driverId()))
                .min(Comparator.comparingLong(Candidate::distanceMeters)
                        .thenComparing(candidate -> candidate.driverId().value()));
    }

    /** When to look again: after {@link #retryEvery}, but no later than the deadline, where matching gives up. */
    public Instant retryAt(Dispatch dispatch, Instant now) {
        Instant next = now.plus(retryEvery);
        return next.isBefore(dispatch.deadline()) ? next : dispatch.deadline();
    }

    public Instant expiryOfOfferMadeAt(Instant now) {
        return now.plus(offerTimeout);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
