package dev.hailway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Mono;

class IdentityHeaderStrippingTest {

    @ParameterizedTest
    @ValueSource(strings = {"X-Account-Id", "x-roles", "X-USER-ID", "X-Authenticated-Account", "X-Authenticated-Roles",
            "X-Forwarded-User"})
    void recognisesHeadersThatClaimAnIdentity(String name) {
        assertThat(IdentityHeaderStripping.isIdentityHeader(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "X-Request-Id", "X-Forwarded-For", "Idempotency-Key", "X-Account"})
    void leavesOtherHeadersAlone(String name) {
        assertThat(IdentityHeaderStripping.isIdentityHeader(name)).isFalse();
    }

    @Test
    void removesIdentityHeadersBeforePassingTheRequestOn() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/me")
                .header("X-Account-Id", "someone-else")
                .header("X-Authenticated-Roles", "OPERATOR")
                .header(HttpHeaders.AUTHORIZATION, "Bearer t"));
        AtomicReference<HttpHeaders> passedOn = new AtomicReference<>();

        new IdentityHeaderStripping().filter(exchange, next -> {
            passedOn.set(next.getRequest().getHeaders());
            return Mono.empty();
        }).block();

        assertThat(passedOn.get().headerNames()).containsExactly(HttpHeaders.AUTHORIZATION);
    }
}
