package dev.hailway.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RateLimitKeyTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("203.0.113.7", 51234);

    @Test
    void chargesAVerifiedCallerToTheirAccount() {
        var key = RateLimitKey.of(HttpMethod.GET, "/api/trips/1", "account-1", CLIENT, null, false);

        assertThat(key).isEqualTo(new RateLimitKey(Tier.AUTHENTICATED, "account:account-1"));
    }

    @Test
    void chargesAnAnonymousCallerToTheirAddress() {
        var key = RateLimitKey.of(HttpMethod.GET, "/api/auth/jwks", "", CLIENT, null, false);

        assertThat(key).isEqualTo(new RateLimitKey(Tier.ANONYMOUS, "address:203.0.113.7"));
    }

    @Test
    void ignoresXForwardedForUnlessTrusted() {
        var key = RateLimitKey.of(HttpMethod.GET, "/api/auth/jwks", null, CLIENT, "198.51.100.1", false);

        assertThat(key.value()).isEqualTo("address:203.0.113.7");
    }

    @Test
    void usesTheFirstForwardedAddressWhenTrusted() {
        var key = RateLimitKey.of(HttpMethod.GET, "/api/auth/jwks", null, CLIENT, " 198.51.100.1 , 10.0.0.1", true);

        assertThat(key.value()).isEqualTo("address:198.51.100.1");
    }

    @Test
    void chargesLoginAndRegisterToTheStrictBucketOfTheAddressEvenWithAToken() {
        assertThat(RateLimitKey.of(HttpMethod.POST, "/api/auth/login", "account-1", CLIENT, null, false))
                .isEqualTo(new RateLimitKey(Tier.CREDENTIALS, "credentials:203.0.113.7"));
        assertThat(RateLimitKey.of(HttpMethod.POST, "/api/auth/register/", null, CLIENT, null, false).tier())
                .isEqualTo(Tier.CREDENTIALS);
        assertThat(RateLimitKey.of(HttpMethod.POST, "/API/Auth/Login", null, CLIENT, null, false).tier())
                .isEqualTo(Tier.CREDENTIALS);
    }

    @Test
    void leavesOtherAuthCallsInTheOrdinaryBuckets() {
        assertThat(RateLimitKey.of(HttpMethod.POST, "/api/auth/refresh", null, CLIENT, null, false).tier())
                .isEqualTo(Tier.ANONYMOUS);
        assertThat(RateLimitKey.of(HttpMethod.GET, "/api/auth/login", null, CLIENT, null, false).tier())
                .isEqualTo(Tier.ANONYMOUS);
    }
}
