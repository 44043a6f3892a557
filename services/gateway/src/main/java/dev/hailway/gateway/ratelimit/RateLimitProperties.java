package dev.hailway.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets per caller.
 *
 * @param enabled switch for load tests
 * @param store {@code memory} (one gateway) or {@code redis} (several gateways share the counts)
 * @param trustForwardedFor key anonymous callers by the first {@code X-Forwarded-For} address; only behind a proxy
 *                          that overwrites that header, otherwise anyone picks their own key
 * @param authenticated per account ({@code sub})
 * @param anonymous per client address
 * @param credentials per client address, for login and register: slows password guessing
 */
@ConfigurationProperties("hailway.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("memory") Store store,
        @DefaultValue("false") boolean trustForwardedFor,
        @DefaultValue({"100", "50", "1s"}) Plan authenticated,
        @DefaultValue({"20", "10", "1s"}) Plan anonymous,
        @DefaultValue({"10", "10", "1m"}) Plan credentials) {

    public enum Store { MEMORY, REDIS }

    /**
     * @param capacity burst size
     * @param refillTokens tokens added back per {@code refillPeriod}, spread evenly over it
     */
    public record Plan(long capacity, long refillTokens, Duration refillPeriod) {

        public Plan {
            if (capacity < 1 || refillTokens < 1 || refillPeriod.isZero() || refillPeriod.isNegative()) {
                throw new IllegalArgumentException("A rate limit plan needs a positive capacity, refill and period");
            }
        }

        /** How long an untouched bucket takes to fill up again: after that, forgetting it changes nothing. */
        Duration timeToFull() {
            return refillPeriod.multipliedBy(Math.ceilDiv(capacity, refillTokens));
        }
    }

    Plan plan(Tier tier) {
        return switch (tier) {
            case AUTHENTICATED -> authenticated;
            case ANONYMOUS -> anonymous;
            case CREDENTIALS -> credentials;
        };
    }
}
