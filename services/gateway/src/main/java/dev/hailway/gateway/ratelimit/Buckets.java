package dev.hailway.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import reactor.core.publisher.Mono;

/** Where the token buckets live: this process, or Redis when several gateways must share them. */
interface Buckets {

    Mono<RateLimitDecision> tryConsume(RateLimitKey key, RateLimitProperties.Plan plan);

    static BucketConfiguration configuration(RateLimitProperties.Plan plan) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(plan.capacity())
                        .refillGreedy(plan.refillTokens(), plan.refillPeriod()))
                .build();
    }
}
