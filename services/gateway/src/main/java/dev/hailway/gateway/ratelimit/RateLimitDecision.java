package dev.hailway.gateway.ratelimit;

import java.time.Duration;

import io.github.bucket4j.ConsumptionProbe;

/**
 * @param remaining tokens left after this request
 * @param retryAfter when the next token arrives, if this request was refused
 * @param reset when the bucket is full again
 */
record RateLimitDecision(boolean allowed, long limit, long remaining, Duration retryAfter, Duration reset) {

    static RateLimitDecision from(ConsumptionProbe probe, long limit) {
        return new RateLimitDecision(probe.isConsumed(), limit, probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()), Duration.ofNanos(probe.getNanosToWaitForReset()));
    }

    static RateLimitDecision unlimited(long limit) {
        return new RateLimitDecision(true, limit, limit, Duration.ZERO, Duration.ZERO);
    }

    /** Whole seconds, rounded up and at least one: a client that waits that long will get through. */
    static long seconds(Duration duration) {
        long seconds = Math.ceilDiv(duration.toMillis(), 1000);
        return Math.max(1, seconds);
    }
}
