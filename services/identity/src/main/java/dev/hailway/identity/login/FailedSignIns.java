package dev.hailway.identity.login;

import java.time.Instant;
import java.util.Objects;

/**
 * What is remembered of one address's sign-ins since it last signed in successfully. An attempt counts as failed from
 * the moment it is let through (see {@link SignInLimit}), so concurrent guesses cannot all pass before the first one
 * is known to be wrong.
 *
 * @param failures        attempts in the current window
 * @param windowStartedAt when the first of them came
 * @param lockouts        how many times the address was locked, which makes the next lockout longer
 * @param lockedUntil     until when every attempt is refused, or null
 * @param lastAttemptAt   the last attempt that was let through or caused a lockout; long after it, all is forgotten
 */
public record FailedSignIns(int failures, Instant windowStartedAt, int lockouts, Instant lockedUntil,
                            Instant lastAttemptAt) {

    public FailedSignIns {
        Objects.requireNonNull(windowStartedAt, "windowStartedAt");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        if (failures < 0 || lockouts < 0) {
            throw new IllegalArgumentException("failures and lockouts cannot be negative");
        }
    }

    static FailedSignIns none(Instant now) {
        return new FailedSignIns(0, now, 0, null, now);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
