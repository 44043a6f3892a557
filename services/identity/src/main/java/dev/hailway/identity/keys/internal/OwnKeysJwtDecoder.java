package dev.hailway.identity.keys.internal;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import dev.hailway.identity.TokenSettings;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Identity checks tokens against its own key store rather than fetching its own JWKS over HTTP: nothing to wait for
 * at start, no request to itself, and a rotation is seen at once. The checks are those every other service makes
 * (docs/CONVENTIONS.md): RS256 only, {@code typ: at+jwt}, issuer, audience, a subject and an expiry.
 */
final class OwnKeysJwtDecoder {

    private OwnKeysJwtDecoder() {
    }

    static JwtDecoder create(KeyRing keys, TokenSettings tokens) {
        JWKSource<SecurityContext> source = (selector, context) -> {
            var published = keys.published();
            var found = selector.select(published);
            if (found.isEmpty()) {
                // Maybe another instance rotated within our cache time: look again once.
                keys.refresh();
                found = selector.select(keys.published());
            }
            return found;
        };
        var decoder = NimbusJwtDecoder.withJwkSource(source)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                        new DefaultJOSEObjectTypeVerifier<>(NimbusAccessTokenSigner.ACCESS_TOKEN_TYPE)))
                .build();
        decoder.setJwtValidator(validator(tokens));
        return decoder;
    }

    /** As platform-web's resource servers check: {@code exp} and {@code sub} required, not just checked when there. */
    static OAuth2TokenValidator<Jwt> validator(TokenSettings tokens) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                // JwtTimestampValidator passes a token without exp; an access token must expire.
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, Objects::nonNull),
                new JwtTimestampValidator(tokens.clockSkew()),
                new JwtIssuerValidator(tokens.issuer()),
                new JwtAudienceValidator(tokens.audience()),
                new JwtTypeValidator(NimbusAccessTokenSigner.ACCESS_TOKEN_TYPE.getType())));
    }
}
