package dev.hailway.gateway.ratelimit;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis (Bucket4j's compare-and-swap proxy over Lettuce), so that every gateway replica charges the same
 * bucket. If Redis fails the request is let through: an outage of the limiter must not become an outage of the API.
 */
final class RedisBuckets implements Buckets {

    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);
    private static final String KEY_PREFIX = "hailway:gateway:rate-limit:";

    private final AsyncProxyManager<String> proxies;
    private final Duration timeout;

    RedisBuckets(StatefulRedisConnection<String, byte[]> connection, Duration idleExpiry, Duration timeout) {
        this.proxies = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.fixedTimeToLive(idleExpiry))
                .build()
                .asAsync();
        this.timeout = timeout;
    }

    @Override
    public Mono<RateLimitDecision> tryConsume(RateLimitKey key, RateLimitProperties.Plan plan) {
        return Mono.fromFuture(() -> proxies.builder()
                        .build(KEY_PREFIX + key.value(), () -> java.util.concurrent.CompletableFuture
                                .completedFuture(Buckets.configuration(plan)))
                        .tryConsumeAndReturnRemaining(1))
                .timeout(timeout)
                .map(probe -> RateLimitDecision.from(probe, plan.capacity()))
                .onErrorResume(error -> {
                    log.warn("Rate limit store unavailable, letting the request through: {}", error.toString());
                    return Mono.just(RateLimitDecision.unlimited(plan.capacity()));
                });
    }
}
