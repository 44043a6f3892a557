package dev.hailway.gateway.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway checks access tokens (CONVENTIONS.md, "Access tokens").
 *
 * @param jwksUri identity's public keys
 * @param issuer required {@code iss}
 * @param audience a value {@code aud} must contain
 * @param clockSkew tolerance for {@code exp} and {@code nbf}
 * @param jwksTimeout connect and read timeout when fetching the JWKS
 */
@ConfigurationProperties("hailway.security")
public record AccessTokenProperties(
        @DefaultValue("http://localhost:8081/api/auth/jwks") URI jwksUri,
        @DefaultValue("hailway-identity") String issuer,
        @DefaultValue("hailway-api") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("3s") Duration jwksTimeout) {
}
