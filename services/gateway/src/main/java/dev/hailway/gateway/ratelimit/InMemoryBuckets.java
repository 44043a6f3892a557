package dev.hailway.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import reactor.core.publisher.Mono;

/**
 * Buckets in this process. Idle buckets are dropped once they would be full again anyway, and the count of keys is
 * bounded so that a flood of addresses cannot exhaust the heap.
 */
final class InMemoryBuckets implements Buckets {

    private final Cache<String, Bucket> buckets;

    InMemoryBuckets(Duration idleExpiry, long maxKeys) {
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(idleExpiry)
                .maximumSize(maxKeys)
                .build();
    }

    @Override
    public Mono<RateLimitDecision> tryConsume(RateLimitKey key, RateLimitProperties.Plan plan) {
        Bucket bucket = buckets.get(key.value(), ignored -> Bucket.builder()
                .addLimit(limit -> limit.capacity(plan.capacity()).refillGreedy(plan.refillTokens(), plan.refillPeriod()))
                .build());
        return Mono.just(RateLimitDecision.from(bucket.tryConsumeAndReturnRemaining(1), plan.capacity()));
    }
}
