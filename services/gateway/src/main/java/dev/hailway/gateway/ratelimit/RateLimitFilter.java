package dev.hailway.gateway.ratelimit;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hailway.gateway.problems.ProblemResponses;
import dev.hailway.gateway.problems.ProblemType;
import reactor.core.publisher.Mono;

/**
 * Charges each request to a token bucket. Runs after the security chain (order -100) so that only a verified
 * {@code sub} can select an account's bucket; a forged token is refused before it could.
 */
final class RateLimitFilter implements WebFilter, Ordered {

    static final int ORDER = -50;

    private final RateLimitProperties properties;
    private final Buckets buckets;
    private final ProblemResponses problems;

    RateLimitFilter(RateLimitProperties properties, Buckets buckets, ProblemResponses problems) {
        this.properties = properties;
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getPath().value().startsWith("/actuator/")) {
            // Probes and scrapes come from the platform, not from clients.
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> ((JwtAuthenticationToken) principal).getToken().getSubject())
                .defaultIfEmpty("")
                .map(subject -> RateLimitKey.of(request.getMethod(), request.getPath().value(), subject,
                        request.getRemoteAddress(), request.getHeaders().getFirst("X-Forwarded-For"),
                        properties.trustForwardedFor()))
                .flatMap(key -> buckets.tryConsume(key, properties.plan(key.tier())))
                .flatMap(decision -> {
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    headers.set("RateLimit-Limit", Long.toString(decision.limit()));
                    headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
                    headers.set("RateLimit-Reset", Long.toString(RateLimitDecision.seconds(decision.reset())));
                    headers.set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
                    if (decision.allowed()) {
                        return chain.filter(exchange);
                    }
                    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RateLimitDecision.seconds(decision.retryAfter())));
                    return problems.write(exchange, ProblemType.RATE_LIMITED);
                });
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
