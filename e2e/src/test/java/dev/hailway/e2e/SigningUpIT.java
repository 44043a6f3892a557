package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.hailway.runtime.Platform;

@ExtendWith(PlatformExtension.class)
class SigningUpIT {

    private final Api api;

    SigningUpIT(Platform platform) {
        this.api = new Api(platform.gatewayUrl());
    }

    @Test
    void riderRegistersLogsInAndSeesTheirAccount() {
        Api.SignedIn rider = api.registerAndSignIn("RIDER");

        Api.Response me = api.get("/api/me", rider.accessToken());

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("accountId").asString()).isEqualTo(rider.accountId().toString());
        assertThat(me.json().get("email").asString()).isEqualTo(rider.email());
        assertThat(me.json().get("role").asString()).isEqualTo("RIDER");
        assertThat(me.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void refreshGivesANewPairAndAReusedRefreshTokenRevokesTheFamily() {
        Api.SignedIn rider = api.registerAndSignIn("RIDER");

        Api.Response first = api.post("/api/auth/refresh", null, Map.of("refreshToken", rider.refreshToken()));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String rotated = first.json().get("refreshToken").asString();
        assertThat(rotated).isNotEqualTo(rider.refreshToken());

        Api.Response reuse = api.post("/api/auth/refresh", null, Map.of("refreshToken", rider.refreshToken()));
        assertThat(reuse.status()).as(reuse.toString()).isEqualTo(401);
        assertThat(reuse.contentType()).startsWith("application/problem+json");

        Api.Response afterRevocation = api.post("/api/auth/refresh", null, Map.of("refreshToken", rotated));
        assertThat(afterRevocation.status()).as("the rotated token belongs to the revoked family").isEqualTo(401);
    }

    @Test
    void wrongPasswordIsAProblemNotAToken() {
        Api.SignedIn rider = api.registerAndSignIn("DRIVER");

        Api.Response login = api.post("/api/auth/login", null, Map.of("email", rider.email(), "password", "not the password at all"));

        assertThat(login.status()).isEqualTo(401);
        assertThat(login.contentType()).startsWith("application/problem+json");
        assertThat(login.body()).doesNotContain("accessToken");
    }

    @Test
    void jwksPublishesTheSigningKeysWithoutPrivateParts() {
        Api.Response jwks = api.get("/api/auth/jwks", null);

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().get("keys").size()).isGreaterThanOrEqualTo(1);
        jwks.json().get("keys").forEach(key -> {
            assertThat(key.get("kty").asString()).isEqualTo("RSA");
            assertThat(key.has("kid")).isTrue();
            assertThat(key.has("d")).as("a private exponent must never be published").isFalse();
        });
    }
}
