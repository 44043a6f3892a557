package dev.hailway.location.positions;

import java.util.List;

/** Pings that cannot be true on their own: a position off the globe, a time in the future, ... */
public final class InvalidPings extends RuntimeException {

    private final List<Violation> violations;

    public InvalidPings(List<Violation> violations) {
        super("invalid pings: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
