package dev.hailway.gateway.security;

import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Removes headers a service might mistake for a verified identity. Services take identity from the token only,
 * but a client must never be able to speak for the gateway.
 */
@Component
class IdentityHeaderStripping implements WebFilter, Ordered {

    private static final List<String> EXACT = List.of("x-account-id", "x-roles", "x-user-id", "x-forwarded-user");
    private static final String PREFIX = "x-authenticated-";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders incoming = exchange.getRequest().getHeaders();
        if (incoming.headerNames().stream().noneMatch(IdentityHeaderStripping::isIdentityHeader)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.headerNames().stream()
                        .filter(IdentityHeaderStripping::isIdentityHeader)
                        .toList()
                        .forEach(headers::remove)))
                .build());
    }

    static boolean isIdentityHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return EXACT.contains(lower) || lower.startsWith(PREFIX);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
