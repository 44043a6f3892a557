package dev.hailway.identity.login;

import dev.hailway.identity.accounts.EmailAddress;
import java.time.Clock;
import java.time.Duration;

/**
 * Applies the {@link SignInLimit} per e-mail address, whether or not an account has it: an unknown address is limited
 * exactly like a known one, so that a refusal says nothing about whether the account exists.
 */
public final class SignInThrottle {

    private final SignInAttempts attempts;
    private final SignInLimit limit;
    private final Clock clock;

    public SignInThrottle(SignInAttempts attempts, SignInLimit limit, Clock clock) {
        this.attempts = attempts;
        this.limit = limit;
        this.clock = clock;
    }

    /** Lets an attempt through (and counts it as failed until it {@link #succeeded}), or says how long to wait. */
    public Duration admit(EmailAddress address) {
        return attempts.decide(address.value(), record -> limit.admit(record, clock.instant())).refusedFor();
    }

    public void succeeded(EmailAddress address) {
        attempts.forget(address.value());
    }

    /** Drops the records nobody needs any more, so that guessed addresses do not pile up. */
    public int forgetQuietAddresses() {
        var now = clock.instant();
        return attempts.forgetQuietSince(now.minus(limit.forgetAfter()), now);
    }
}
