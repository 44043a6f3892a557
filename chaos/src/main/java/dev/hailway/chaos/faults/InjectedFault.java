package dev.hailway.chaos.faults;

import java.time.Duration;
import java.time.Instant;

/** A fault as it happened: when it began, when the process was healthy again, and what went wrong doing it. */
public record InjectedFault(Fault fault, Instant began, Instant healed, String problem) {

    public Duration lasted() {
        return Duration.between(began, healed);
    }

    @Override
    public String toString() {
        return String.format("%-8s %-14s %s, healed after %.1f s%s", fault.kind().option(), fault.target(), fault.describe(),
                lasted().toMillis() / 1000.0, problem == null ? "" : " (" + problem + ")");
    }
}
