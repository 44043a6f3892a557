package dev.hailway.gateway.security;

import java.util.List;

/** Paths anyone may call without a token; everything under /api and /ws needs one. */
final class PublicPaths {

    static final List<String> PATTERNS = List.of(
            "/api/auth/**",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**",
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus");

    static final List<String> PROTECTED = List.of("/api/**", "/ws", "/ws/**");

    private PublicPaths() {
    }
}
