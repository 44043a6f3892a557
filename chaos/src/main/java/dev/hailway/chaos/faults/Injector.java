package dev.hailway.chaos.faults;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Carries out a {@link FaultPlan}, one fault at a time, healing each before the next: a killed process is started
 * again (and awaited healthy), a paused one resumed. Whatever happens, nothing is left hurt when it returns.
 */
public final class Injector {

    private final Faults faults;
    private final PrintStream out;
    private final List<InjectedFault> injected = new CopyOnWriteArrayList<>();

    public Injector(Faults faults, PrintStream out) {
        this.faults = faults;
        this.out = out;
    }

    /** Blocks until every fault is done and healed; the instant returned is the last heal. */
    public Instant run(List<Fault> plan) throws InterruptedException {
        Instant lastHeal = Instant.now();
        for (Fault fault : plan) {
            Thread.sleep(fault.after());
            lastHeal = inject(fault);
        }
        return lastHeal;
    }

    private Instant inject(Fault fault) throws InterruptedException {
        Instant began = Instant.now();
        out.printf("[chaos] %s%n", fault.describe());
        List<String> problems = new ArrayList<>();
        boolean hurt = false;
        try {
            switch (fault.kind()) {
                case PAUSE -> faults.pause(fault.target());
                case KILL, KAFKA, POSTGRES -> faults.kill(fault.target());
            }
            hurt = true;
            Thread.sleep(fault.hold());
        } catch (RuntimeException e) {
            problems.add("could not hurt it: " + e.getMessage());
        } finally {
            if (hurt) {
                heal(fault, problems);
            }
        }
        Instant healed = Instant.now();
        var done = new InjectedFault(fault, began, healed, problems.isEmpty() ? null : String.join("; ", problems));
        injected.add(done);
        out.printf("[chaos] %s healthy again after %.1f s%n", fault.target(), Duration.between(began, healed).toMillis() / 1000.0);
        return healed;
    }

    private void heal(Fault fault, List<String> problems) {
        try {
            switch (fault.kind()) {
                case PAUSE -> faults.resume(fault.target());
                case KILL, KAFKA, POSTGRES -> faults.restart(fault.target());
            }
        } catch (RuntimeException e) {
            problems.add("could not heal it: " + e.getMessage());
        }
    }

    public List<InjectedFault> injected() {
        return List.copyOf(injected);
    }
}
