package dev.hailway.location.positions;

import java.util.List;

/** Pings that are each possible but not together: the driver would have moved faster than any car. */
public final class ImplausiblePings extends RuntimeException {

    private final List<Violation> violations;

    public ImplausiblePings(List<Violation> violations) {
        super("implausible pings: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
