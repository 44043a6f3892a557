package dev.hailway.simulator.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.hailway.simulator.drivers.SimulatedDriver.StepOutcome;

class SimulatedDriverTest {

    @Test
    void aStepRefusedBecauseAnEarlierAttemptWasAppliedCountsAsTaken() {
        assertThat(SimulatedDriver.outcomeSeen("arrive", "DRIVER_ARRIVED")).isEqualTo(StepOutcome.DONE);
        assertThat(SimulatedDriver.outcomeSeen("arrive", "IN_PROGRESS")).isEqualTo(StepOutcome.DONE);
        assertThat(SimulatedDriver.outcomeSeen("start", "IN_PROGRESS")).isEqualTo(StepOutcome.DONE);
        assertThat(SimulatedDriver.outcomeSeen("complete", "COMPLETED")).isEqualTo(StepOutcome.DONE);
        assertThat(SimulatedDriver.outcomeSeen("complete", "PAID")).isEqualTo(StepOutcome.DONE);
    }

    @Test
    void aStepRefusedBeforeTripsAppliedTheAssignmentIsTriedAgain() {
        assertThat(SimulatedDriver.outcomeSeen("arrive", "PAYMENT_AUTHORIZED")).isEqualTo(StepOutcome.NOT_YET);
        assertThat(SimulatedDriver.outcomeSeen("start", "DRIVER_ASSIGNED")).isEqualTo(StepOutcome.NOT_YET);
    }

    @Test
    void aTripThatEndedWithoutTheRideIsGivenUp() {
        assertThat(SimulatedDriver.outcomeSeen("arrive", "CANCELLED")).isEqualTo(StepOutcome.GONE);
        assertThat(SimulatedDriver.outcomeSeen("complete", "CANCELLED")).isEqualTo(StepOutcome.GONE);
    }
}
