package dev.hailway.gateway.ratelimit;

import java.time.Duration;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hailway.gateway.problems.ProblemResponses;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hailway.gateway.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, Buckets buckets, ProblemResponses problems) {
        return new RateLimitFilter(properties, buckets, problems);
    }

    @Bean
    @ConditionalOnProperty(name = "hailway.gateway.rate-limit.store", havingValue = "memory", matchIfMissing = true)
    Buckets inMemoryBuckets(RateLimitProperties properties) {
        return new InMemoryBuckets(idleExpiry(properties), 100_000);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "hailway.gateway.rate-limit.store", havingValue = "redis")
    static class Redis {

        @Bean(destroyMethod = "shutdown")
        RedisClient rateLimitRedisClient(@Value("${spring.data.redis.url:redis://localhost:6379}") String url) {
            return RedisClient.create(url);
        }

        @Bean(destroyMethod = "close")
        StatefulRedisConnection<String, byte[]> rateLimitRedisConnection(RedisClient client) {
            return client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        }

        @Bean
        Buckets redisBuckets(StatefulRedisConnection<String, byte[]> connection, RateLimitProperties properties) {
            return new RedisBuckets(connection, idleExpiry(properties), Duration.ofMillis(500));
        }
    }

    private static Duration idleExpiry(RateLimitProperties properties) {
        return Stream.of(properties.authenticated(), properties.anonymous(), properties.credentials())
                .map(RateLimitProperties.Plan::timeToFull)
                .max(Duration::compareTo)
                .orElseThrow();
    }
}
