package dev.hailway.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What identity puts in the tokens it issues. Issuer and audience default to the names every resource server checks
 * ({@code hailway.security.*}), so that they cannot drift apart.
 */
@ConfigurationProperties("hailway.identity.tokens")
public record TokenSettings(
        @DefaultValue("hailway-identity") String issuer,
        @DefaultValue("hailway-api") String audience,
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("30d") Duration refreshTokenLifetime,
        /* How far apart clocks may be; a retired key stays published this much longer than the token lifetime. */
        @DefaultValue("30s") Duration clockSkew) {
}
