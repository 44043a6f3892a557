package dev.hailway.simulator.riders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.hailway.simulator.seoul.Seoul;

class RiderDecisionsTest {

    @Test
    void aShareOfRidersCarriesACardThatIsDeclined() {
        RiderDecisions decisions = new RiderDecisions(new Random(1), 0.05, 0.1);

        List<String> cards = IntStream.range(0, 10_000).mapToObj(i -> decisions.cardToken()).toList();

        assertThat(cards).containsOnly(RiderDecisions.GOOD_CARD, RiderDecisions.DECLINED_CARD);
        assertThat(cards.stream().filter(RiderDecisions.DECLINED_CARD::equals).count() / 10_000.0).isCloseTo(0.05, within(0.01));
    }

    @Test
    void aShareOfTripsIsCancelledWithinTheFirstQuarterMinute() {
        RiderDecisions decisions = new RiderDecisions(new Random(2), 0.05, 0.1);

        List<Optional<Duration>> cancels = IntStream.range(0, 10_000).mapToObj(i -> decisions.cancelAfter()).toList();

        assertThat(cancels.stream().filter(Optional::isPresent).count() / 10_000.0).isCloseTo(0.1, within(0.01));
        assertThat(cancels).allSatisfy(cancel -> cancel.ifPresent(after ->
                assertThat(after).isPositive().isLessThanOrEqualTo(RiderDecisions.LATEST_CANCEL)));
    }

    @Test
    void ridersWhoNeverCancelNeverDo() {
        RiderDecisions decisions = new RiderDecisions(new Random(3), 0, 0);

        assertThat(IntStream.range(0, 1000).mapToObj(i -> decisions.cancelAfter())).allMatch(Optional::isEmpty);
        assertThat(IntStream.range(0, 1000).mapToObj(i -> decisions.cardToken())).containsOnly(RiderDecisions.GOOD_CARD);
    }

    @Test
    void tripsStartAndEndInsideSeoulAFewKilometresApart() {
        RiderDecisions decisions = new RiderDecisions(new Random(4), 0.05, 0.1);

        for (int i = 0; i < 10_000; i++) {
            RiderDecisions.Plan plan = decisions.plan();
            assertThat(Seoul.contains(plan.pickup())).isTrue();
            assertThat(Seoul.contains(plan.dropoff())).isTrue();
            assertThat(plan.pickup().metersTo(plan.dropoff()))
                    .isBetween(RiderDecisions.NEAREST_DROPOFF_METERS, RiderDecisions.FARTHEST_DROPOFF_METERS * Math.sqrt(2) + 1);
        }
    }

    @Test
    void theSameSeedPlansTheSameTrips() {
        RiderDecisions first = new RiderDecisions(new Random(99), 0.05, 0.1);
        RiderDecisions second = new RiderDecisions(new Random(99), 0.05, 0.1);

        for (int i = 0; i < 100; i++) {
            assertThat(first.plan()).isEqualTo(second.plan());
            assertThat(first.cancelAfter()).isEqualTo(second.cancelAfter());
        }
    }

    @Test
    void aTripCanBeCancelledOnlyBeforeThePickup() {
        assertThat(List.of("REQUESTED", "PAYMENT_AUTHORIZED", "DRIVER_ASSIGNED", "DRIVER_ARRIVED"))
                .allMatch(RiderDecisions::beforePickup);
        assertThat(List.of("IN_PROGRESS", "COMPLETED", "PAID", "CANCELLED")).noneMatch(RiderDecisions::beforePickup);
    }

    @Test
    void anyStatusFromTheAssignmentOnButACancellationMeansADriverWasAssigned() {
        assertThat(List.of("DRIVER_ASSIGNED", "DRIVER_ARRIVED", "IN_PROGRESS", "COMPLETED", "PAID")).allMatch(Ride::driverAssigned);
        assertThat(List.of("REQUESTED", "PAYMENT_AUTHORIZED", "CANCELLED", "SOMETHING_NEW")).noneMatch(Ride::driverAssigned);
    }
}
