package dev.hailway.chaos.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class InjectorTest {

    private final List<String> done = new CopyOnWriteArrayList<>();
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream());

    @Test
    void healsEachFaultBeforeTheNextOne() throws InterruptedException {
        var injector = new Injector(recording(null), out);

        injector.run(List.of(
                new Fault(Duration.ZERO, FaultKind.KILL, "trips", Duration.ofMillis(10)),
                new Fault(Duration.ZERO, FaultKind.PAUSE, "location", Duration.ofMillis(10)),
                new Fault(Duration.ZERO, FaultKind.POSTGRES, "postgres", Duration.ofMillis(10))));

        assertThat(done).containsExactly("kill trips", "restart trips", "pause location", "resume location",
                "kill postgres", "restart postgres");
        assertThat(injector.injected()).extracting(InjectedFault::problem).containsOnlyNulls();
    }

    @Test
    void aFaultThatCouldNotBeInjectedIsReportedAndNotHealed() throws InterruptedException {
        var injector = new Injector(recording("kill kafka"), out);

        injector.run(List.of(new Fault(Duration.ZERO, FaultKind.KAFKA, "kafka", Duration.ofMillis(10))));

        assertThat(done).isEmpty();
        assertThat(injector.injected()).singleElement().extracting(InjectedFault::problem).asString()
                .contains("could not hurt it").contains("refused");
    }

    @Test
    void aHealThatFailedIsReported() throws InterruptedException {
        var injector = new Injector(recording("restart payments"), out);

        injector.run(List.of(new Fault(Duration.ZERO, FaultKind.KILL, "payments", Duration.ofMillis(10))));

        assertThat(done).containsExactly("kill payments");
        assertThat(injector.injected()).singleElement().extracting(InjectedFault::problem).asString().contains("could not heal it");
    }

    /** Records what it was asked to do; {@code refused} (an action and a name) throws instead. */
    private Faults recording(String refused) {
        return (action, name) -> {
            String done = action.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
            if (done.equals(refused)) {
                throw new IllegalStateException(done + " refused");
            }
            this.done.add(done);
        };
    }
}
