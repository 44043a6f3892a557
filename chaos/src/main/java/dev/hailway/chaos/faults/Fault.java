package dev.hailway.chaos.faults;

import java.time.Duration;

/**
 * One planned fault: after waiting {@code after} (from the end of the previous one), do {@code kind} to
 * {@code target} and keep it so for {@code hold} before healing it.
 */
public record Fault(Duration after, FaultKind kind, String target, Duration hold) {

    public String describe() {
        return switch (kind) {
            case KILL, KAFKA, POSTGRES -> "kill " + target + ", down " + hold.toSeconds() + " s, restart";
            case PAUSE -> "pause " + target + " for " + hold.toSeconds() + " s, resume";
        };
    }
}
