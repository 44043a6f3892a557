package dev.hailway.identity.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How many sign-ins an address may fail before its logins are refused for a while, whoever tries them from wherever.
 * The {@code maxFailures + 1}-th attempt within {@code window} locks the address for {@code firstLockout}; each
 * further lockout doubles it, up to {@code maxLockout}, so an attacker can never lock an account for longer than that
 * (and when the lockout ends its owner gets {@code maxFailures} attempts like anyone). A successful sign-in forgets
 * everything; so does {@code forgetAfter} without an attempt. Attempts refused during a lockout change nothing: they
 * neither extend it nor count.
 */
public record SignInLimit(int maxFailures, Duration window, Duration firstLockout, Duration maxLockout,
                          Duration forgetAfter) {

    public SignInLimit {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(firstLockout, "firstLockout");
        Objects.requireNonNull(maxLockout, "maxLockout");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        if (maxFailures < 1 || !window.isPositive() || !firstLockout.isPositive()
                || maxLockout.compareTo(firstLockout) < 0) {
            throw new IllegalArgumentException("a sign-in limit needs at least one failure, a window, and a first"
                    + " lockout no longer than the longest");
        }
        // A record is forgotten only once its lockout has surely ended, so pruning can never lift a lockout early.
        if (forgetAfter.compareTo(maxLockout) <= 0 || forgetAfter.compareTo(window) < 0) {
            throw new IllegalArgumentException("forgetAfter must be longer than maxLockout and the window");
        }
    }

    /** The decision on one attempt and what to remember afterwards. */
    public record Admission(FailedSignIns record, Duration refusedFor) {

        public boolean admitted() {
            return refusedFor.isZero();
        }
    }

    /** Decides an attempt at {@code now} on an address with this record (empty if it has none). */
    public Admission admit(Optional<FailedSignIns> previous, Instant now) {
        FailedSignIns record = previous
                .filter(known -> now.isBefore(known.lastAttemptAt().plus(forgetAfter)))
                .orElseGet(() -> FailedSignIns.none(now));
        if (record.lockedAt(now)) {
            return new Admission(previous.orElseThrow(), Duration.between(now, record.lockedUntil()));
        }
        boolean windowOver = !now.isBefore(record.windowStartedAt().plus(window));
        int failures = windowOver ? 0 : record.failures();
        Instant windowStartedAt = windowOver || failures == 0 ? now : record.windowStartedAt();
        if (failures >= maxFailures) {
            int lockouts = record.lockouts() + 1;
            Duration lockout = lockout(lockouts);
            return new Admission(new FailedSignIns(0, now, lockouts, now.plus(lockout), now), lockout);
        }
        return new Admission(new FailedSignIns(failures + 1, windowStartedAt, record.lockouts(), null, now),
                Duration.ZERO);
    }

    /** The {@code nth} lockout's length: {@code firstLockout} doubled {@code nth - 1} times, at most {@code maxLockout}. */
    public Duration lockout(int nth) {
        Duration lockout = firstLockout;
        for (int i = 1; i < nth && lockout.compareTo(maxLockout) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout;
    }
}
