package dev.hailway.chaos.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class FaultPlanTest {

    private static final List<String> SERVICES = List.of("identity", "gateway", "drivers", "location", "pricing", "trips",
            "dispatch", "payments", "notifications", "history");

    @Test
    void killsEveryServiceOnceThenPausesOneThenKillsKafkaThenPostgres() {
        List<Fault> plan = FaultPlan.of(SERVICES, EnumSet.allOf(FaultKind.class), 10, Duration.ofMinutes(5), 7);

        assertThat(plan).hasSize(13);
        assertThat(plan.subList(0, 10)).extracting(Fault::kind).containsOnly(FaultKind.KILL);
        assertThat(plan.subList(0, 10)).extracting(Fault::target).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(plan.get(10).kind()).isEqualTo(FaultKind.PAUSE);
        assertThat(FaultPlan.PAUSABLE).contains(plan.get(10).target());
        assertThat(plan.get(11)).extracting(Fault::kind, Fault::target).containsExactly(FaultKind.KAFKA, "kafka");
        assertThat(plan.get(12)).extracting(Fault::kind, Fault::target).containsExactly(FaultKind.POSTGRES, "postgres");
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnotherOne() {
        var all = EnumSet.allOf(FaultKind.class);
        assertThat(FaultPlan.of(SERVICES, all, 10, Duration.ofMinutes(5), 42)).isEqualTo(FaultPlan.of(SERVICES, all, 10, Duration.ofMinutes(5), 42));
        assertThat(FaultPlan.of(SERVICES, all, 10, Duration.ofMinutes(5), 42)).isNotEqualTo(FaultPlan.of(SERVICES, all, 10, Duration.ofMinutes(5), 43));
    }

    @Test
    void waitsBetweenFaultsFillTheSpreadWithoutExceedingIt() {
        Duration spread = Duration.ofMinutes(4);
        List<Fault> plan = FaultPlan.of(SERVICES, EnumSet.allOf(FaultKind.class), 10, spread, 3);

        Duration waits = plan.stream().map(Fault::after).reduce(Duration.ZERO, Duration::plus);
        assertThat(waits).isLessThanOrEqualTo(spread).isGreaterThanOrEqualTo(spread.dividedBy(3));
    }

    @Test
    void aShortRunKillsOnlyAsManyServicesAsAskedAndOnlyTheChosenKinds() {
        List<Fault> plan = FaultPlan.of(SERVICES, EnumSet.of(FaultKind.KILL, FaultKind.POSTGRES), 3, Duration.ofMinutes(2), 1);

        assertThat(plan).extracting(Fault::kind).containsExactly(FaultKind.KILL, FaultKind.KILL, FaultKind.KILL, FaultKind.POSTGRES);
        assertThat(plan.subList(0, 3)).extracting(Fault::target).doesNotHaveDuplicates();
    }

    @Test
    void namesFaultsAsTheOptionDoesAndRefusesUnknownOnes() {
        assertThat(FaultKind.parse("kill, kafka")).containsExactlyInAnyOrder(FaultKind.KILL, FaultKind.KAFKA);
        assertThat(FaultKind.parse("all")).containsExactlyInAnyOrder(FaultKind.values());
        assertThatThrownBy(() -> FaultKind.parse("kill,flood")).hasMessageContaining("no fault named flood")
                .hasMessageContaining("kill,pause,kafka,postgres");
    }
}
