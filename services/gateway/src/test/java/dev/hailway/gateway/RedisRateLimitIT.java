package dev.hailway.gateway;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole gateway with hailway.gateway.rate-limit.store=redis; skipped when no Redis runs on 127.0.0.1:6379. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hailway.gateway.rate-limit.store=redis",
        "spring.data.redis.url=redis://127.0.0.1:6379",
        // The key is the client address, the same in every run, so only the third call's refusal is asserted.
        "hailway.gateway.rate-limit.anonymous.capacity=2",
        "hailway.gateway.rate-limit.anonymous.refill-tokens=1",
        "hailway.gateway.rate-limit.anonymous.refill-period=1m",
        "hailway.gateway.routes.identity=http://127.0.0.1:1"})
class RedisRateLimitIT {

    @LocalServerPort
    int port;

    @BeforeAll
    static void requireRedis() {
        boolean reachable;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 300);
            reachable = true;
        } catch (IOException e) {
            reachable = false;
        }
        assumeTrue(reachable, "no Redis on 127.0.0.1:6379");
    }

    @Test
    void refusesAnonymousCallersOverTheirBucketKeptInRedis() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();

        // Three quick calls against a burst of two: at least the third is refused, whatever a previous run left.
        for (int i = 0; i < 2; i++) {
            client.get().uri("/no/such/thing").exchange();
        }
        client.get().uri("/no/such/thing").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
    }
}
