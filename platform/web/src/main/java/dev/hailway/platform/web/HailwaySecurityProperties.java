package dev.hailway.platform.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hailway.security.*}: how a service checks access tokens itself.
 *
 * @param jwksUri     where identity publishes its signing keys
 * @param issuer      the required {@code iss}
 * @param audience    a value {@code aud} must contain
 * @param clockSkew   tolerance for {@code exp} and {@code nbf} between hosts
 * @param publicPaths this service's paths that need no token (path patterns, e.g. {@code /api/auth/**}), on top
 *                    of health, info, prometheus and the API docs
 */
@ConfigurationProperties("hailway.security")
public record HailwaySecurityProperties(
        @DefaultValue("http://localhost:8081/api/auth/jwks") URI jwksUri,
        @DefaultValue("hailway-identity") String issuer,
        @DefaultValue("hailway-api") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue List<String> publicPaths) {
}
