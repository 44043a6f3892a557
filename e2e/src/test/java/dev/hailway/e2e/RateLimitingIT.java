package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.hailway.runtime.Platform;

@ExtendWith(PlatformExtension.class)
class RateLimitingIT {

    private final Api api;

    RateLimitingIT(Platform platform) {
        this.api = new Api(platform.gatewayUrl());
    }

    @Test
    void anAccountThatSendsFasterThanItsBucketRefillsGetsTooManyRequestsWithRetryAfter() {
        // The suite's gateway gives an account 60 requests of burst and 3 more a second (PlatformExtension).
        Api.SignedIn rider = api.registerAndSignIn("RIDER");
        List<Api.Response> responses = new ArrayList<>();

        for (int i = 0; i < 150; i++) {
            responses.add(api.get("/api/me", rider.accessToken()));
        }

        assertThat(responses).extracting(Api.Response::status).contains(200, 429).containsOnly(200, 429);
        Api.Response limited = responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.json().get("type").asString()).isEqualTo("https://hailway.dev/problems/rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    }

    @Test
    void anotherAccountIsNotSlowedDownByTheFirst() {
        Api.SignedIn first = api.registerAndSignIn("RIDER");
        Api.SignedIn second = api.registerAndSignIn("RIDER");
        for (int i = 0; i < 150; i++) {
            api.get("/api/me", first.accessToken());
        }

        assertThat(api.get("/api/me", first.accessToken()).status()).isEqualTo(429);
        assertThat(api.get("/api/me", second.accessToken()).status()).isEqualTo(200);
    }
}
