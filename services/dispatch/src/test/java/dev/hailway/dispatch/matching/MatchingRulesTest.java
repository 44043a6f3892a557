package dev.hailway.dispatch.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import org.junit.jupiter.api.Test;

class MatchingRulesTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private final MatchingRules rules = new MatchingRules(Duration.ofSeconds(15), 3, Duration.ofMinutes(2),
            Duration.ofSeconds(3));

    private final DriverId near = driver();
    private final DriverId middle = driver();
    private final DriverId far = driver();
    private final List<Candidate> candidates = List.of(new Candidate(far, 900), new Candidate(near, 100),
            new Candidate(middle, 400));

    @Test
    void offersTheNearestCandidateFirst() {
        assertThat(rules.decide(dispatch(0), candidates, Set.of(), START))
                .isEqualTo(new Decision.MakeOffer(new Candidate(near, 100)));
    }

    @Test
    void skipsDriversWhoWereAskedOrAreBusy() {
        assertThat(rules.nextCandidate(candidates, Set.of(near))).contains(new Candidate(middle, 400));
        assertThat(rules.nextCandidate(candidates, Set.of(near, middle))).contains(new Candidate(far, 900));
    }

    @Test
    void breaksTiesByDriverIdSoTheChoiceIsRepeatable() {
        DriverId a = new DriverId(new UUID(0, 1));
        DriverId b = new DriverId(new UUID(0, 2));
        assertThat(rules.nextCandidate(List.of(new Candidate(b, 50), new Candidate(a, 50)), Set.of()))
                .contains(new Candidate(a, 50));
    }

    @Test
    void triesAgainLaterWhenNobodyMayBeAsked() {
        assertThat(rules.decide(dispatch(0), candidates, Set.of(near, middle, far), START))
                .isEqualTo(new Decision.TryAgain(START.plusSeconds(3)));
        assertThat(rules.decide(dispatch(0), List.of(), Set.of(), START))
                .isEqualTo(new Decision.TryAgain(START.plusSeconds(3)));
    }

    @Test
    void neverSchedulesTheNextAttemptPastTheDeadline() {
        Instant almostOver = START.plus(Duration.ofMinutes(2)).minusSeconds(1);
        assertThat(rules.decide(dispatch(0), List.of(), Set.of(), almostOver))
                .isEqualTo(new Decision.TryAgain(START.plus(Duration.ofMinutes(2))));
    }

    @Test
    void givesUpAfterTheAllowedRefusalsEvenWithCandidatesLeft() {
        assertThat(rules.decide(dispatch(2), candidates, Set.of(), START)).isInstanceOf(Decision.MakeOffer.class);
        assertThat(rules.decide(dispatch(3), candidates, Set.of(), START))
                .isEqualTo(new Decision.GiveUp("3 offers declined or expired"));
    }

    @Test
    void givesUpAtTheDeadline() {
        Instant deadline = START.plus(Duration.ofMinutes(2));
        assertThat(rules.decide(dispatch(0), candidates, Set.of(), deadline.minusMillis(1)))
                .isInstanceOf(Decision.MakeOffer.class);
        assertThat(rules.decide(dispatch(0), candidates, Set.of(), deadline))
                .isEqualTo(new Decision.GiveUp("no driver accepted within 120s"));
    }

    @Test
    void anOfferExpiresAfterTheOfferTimeout() {
        assertThat(rules.expiryOfOfferMadeAt(START)).isEqualTo(START.plusSeconds(15));
    }

    @Test
    void rejectsRulesThatCouldNeverWork() {
        assertThatThrownBy(() -> new MatchingRules(Duration.ZERO, 3, Duration.ofMinutes(2), Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MatchingRules(Duration.ofSeconds(15), 0, Duration.ofMinutes(2),
                Duration.ofSeconds(3))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Dispatch dispatch(int refusals) {
        return new Dispatch(new TripId(UUID.randomUUID()), UUID.randomUUID(), new GeoPoint(37.5665, 126.978),
                new GeoPoint(37.55, 126.99), null, Money.of(12000, "KRW"), DispatchStatus.MATCHING, refusals,
                refusals, START, START.plus(Duration.ofMinutes(2)));
    }

    private static DriverId driver() {
        return new DriverId(UUID.randomUUID());
    }
}
