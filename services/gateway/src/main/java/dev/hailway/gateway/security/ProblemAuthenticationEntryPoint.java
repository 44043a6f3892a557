package dev.hailway.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

import dev.hailway.gateway.problems.ProblemResponses;
import dev.hailway.gateway.problems.ProblemType;
import reactor.core.publisher.Mono;

/** 401 as problem+json, with the RFC 6750 challenge; the reason stays vague on purpose (no oracle for forgers). */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        // Spring reports a rejected token as an OAuth2AuthenticationException, a missing one otherwise.
        boolean tokenGiven = failure instanceof OAuth2AuthenticationException;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
        String detail = tokenGiven
                ? "The access token is invalid or has expired."
                : ProblemType.UNAUTHORIZED.defaultDetail();
        return problems.write(exchange, ProblemType.UNAUTHORIZED, detail);
    }
}
