package dev.hailway.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class InMemoryBucketsTest {

    private final RateLimitProperties.Plan threePerMinute = new RateLimitProperties.Plan(3, 3, Duration.ofMinutes(1));
    private final InMemoryBuckets buckets = new InMemoryBuckets(Duration.ofMinutes(5), 1000);

    @Test
    void refusesOnceTheBurstIsSpentAndSaysWhenToRetry() {
        var key = new RateLimitKey(Tier.ANONYMOUS, "address:a");
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryConsume(key, threePerMinute).block().allowed()).isTrue();
        }

        RateLimitDecision refused = buckets.tryConsume(key, threePerMinute).block();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(RateLimitDecision.seconds(refused.retryAfter())).isBetween(1L, 20L);
    }

    @Test
    void keepsSeparateBucketsPerKey() {
        var first = new RateLimitKey(Tier.AUTHENTICATED, "account:1");
        var second = new RateLimitKey(Tier.AUTHENTICATED, "account:2");
        for (int i = 0; i < 3; i++) {
            buckets.tryConsume(first, threePerMinute).block();
        }

        assertThat(buckets.tryConsume(first, threePerMinute).block().allowed()).isFalse();
        assertThat(buckets.tryConsume(second, threePerMinute).block().remaining()).isEqualTo(2);
    }

    @Test
    void roundsRetryAfterUpToWholeSeconds() {
        assertThat(RateLimitDecision.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RateLimitDecision.seconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(RateLimitDecision.seconds(Duration.ZERO)).isEqualTo(1);
    }
}
