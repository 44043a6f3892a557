package dev.hailway.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Against a Redis on 127.0.0.1:6379 when one runs (distributed mode's store); skipped otherwise, so the default
 * build needs no Redis.
 */
class RedisBucketsIT {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 6379;

    private final RateLimitProperties.Plan threePerHour = new RateLimitProperties.Plan(3, 3, Duration.ofHours(1));
    private RedisClient client;
    private StatefulRedisConnection<String, byte[]> connection;

    @BeforeEach
    void connect() {
        assumeTrue(redisReachable(), "no Redis on " + HOST + ":" + PORT);
        client = RedisClient.create("redis://" + HOST + ":" + PORT);
        connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    @AfterEach
    void disconnect() {
        if (connection != null) {
            connection.close();
            client.shutdown();
        }
    }

    @Test
    void sharesOneBucketBetweenGatewayReplicas() {
        var replicaA = new RedisBuckets(connection, Duration.ofMinutes(5), Duration.ofSeconds(2));
        var replicaB = new RedisBuckets(connection, Duration.ofMinutes(5), Duration.ofSeconds(2));
        var key = new RateLimitKey(Tier.CREDENTIALS, "credentials:it-" + UUID.randomUUID());

        assertThat(replicaA.tryConsume(key, threePerHour).block().remaining()).isEqualTo(2);
        assertThat(replicaB.tryConsume(key, threePerHour).block().remaining()).isEqualTo(1);
        assertThat(replicaA.tryConsume(key, threePerHour).block().allowed()).isTrue();

        RateLimitDecision refused = replicaB.tryConsume(key, threePerHour).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive();
    }

    @Test
    void letsRequestsThroughWhenRedisFails() {
        var buckets = new RedisBuckets(connection, Duration.ofMinutes(5), Duration.ofSeconds(2));
        connection.close();

        RateLimitDecision decision = buckets.tryConsume(new RateLimitKey(Tier.ANONYMOUS, "address:x"), threePerHour)
                .block();

        assertThat(decision.allowed()).isTrue();
    }

    private static boolean redisReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
