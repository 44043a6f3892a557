package dev.hailway.identity.login.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hailway.identity.sign-in.*}: the per-address limit of failed sign-ins ({@code SignInLimit}), on top of the
 * gateway's per-client rate limit.
 *
 * @param maxFailures  failed attempts an address may have within {@code window}; the next one locks it
 * @param window       how long failures are counted together
 * @param firstLockout the first lockout; each further one doubles it
 * @param maxLockout   the longest lockout, so that nobody can lock an account for longer
 * @param forgetAfter  an address without an attempt for this long starts afresh (longer than maxLockout)
 * @param pruneEvery   how often each instance deletes the records so forgotten
 */
@ConfigurationProperties("hailway.identity.sign-in")
record SignInSettings(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("5m") Duration window,
        @DefaultValue("30s") Duration firstLockout,
        @DefaultValue("15m") Duration maxLockout,
        @DefaultValue("1h") Duration forgetAfter,
        @DefaultValue("10m") Duration pruneEvery) {
}
