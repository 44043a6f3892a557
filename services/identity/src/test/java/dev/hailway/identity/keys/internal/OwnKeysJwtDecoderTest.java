package dev.hailway.identity.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.identity.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class OwnKeysJwtDecoderTest {

    private final OAuth2TokenValidator<Jwt> validator = OwnKeysJwtDecoder.validator(new TokenSettings(
            "hailway-identity", "hailway-api", Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofSeconds(30)));

    @Test
    void acceptsAnAccessTokenWithEverythingItNeeds() {
        assertThat(validator.validate(token(builder -> builder)).hasErrors()).isFalse();
    }

    @Test
    void refusesATokenWithoutExpiry() {
        assertThat(validator.validate(token(builder -> builder.claims(claims -> claims.remove("exp")))).hasErrors())
                .isTrue();
    }

    @Test
    void refusesATokenWithoutSubject() {
        assertThat(validator.validate(token(builder -> builder.claims(claims -> claims.remove("sub")))).hasErrors())
                .isTrue();
    }

    private static Jwt token(UnaryOperator<Jwt.Builder> change) {
        Instant now = Instant.now();
        return change.apply(Jwt.withTokenValue("t")
                        .header("alg", "RS256")
                        .header("typ", "at+jwt")
                        .issuer("hailway-identity")
                        .audience(List.of("hailway-api"))
                        .subject("8c8f4b1e-2d1a-4a55-9a0e-2b1b8e7f1c11")
                        .issuedAt(now)
                        .expiresAt(now.plus(Duration.ofMinutes(15))))
                .build();
    }
}
