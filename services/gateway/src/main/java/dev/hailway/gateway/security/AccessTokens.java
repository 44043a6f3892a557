package dev.hailway.gateway.security;

import java.text.ParseException;
import java.util.List;
import java.util.Objects;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The access token rules: a signed JWT, RS256 only, {@code typ: at+jwt}, issuer, audience, a subject, and an expiry
 * that has not passed.
 */
final class AccessTokens {

    static final String ACCESS_TOKEN_TYPE = "at+jwt";

    private AccessTokens() {
    }

    static ReactiveJwtDecoder decoder(AccessTokenProperties properties) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.jwksTimeout().toMillis())
                .responseTimeout(properties.jwksTimeout());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
                // Pinning the algorithm is what refuses alg=none and HS256 signed with the public key.
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                // typ is checked by the validator below, which reports it like every other rule.
                .validateType(false)
                .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build())
                .build();
        decoder.setJwtValidator(validator(properties));
        // Only a signed JWT (JWS) reaches Nimbus: on an encrypted one (JWE) its reactive decoder fails with a plain
        // JwtException, which Spring Security takes for its own failure (a 500 with a stack trace), not a bad token.
        return token -> isSigned(token)
                ? decoder.decode(token).onErrorMap(e -> !(e instanceof JwtException), AccessTokens::keysUnavailable)
                : Mono.error(new BadJwtException("The token is not a signed JWT"));
    }

    /**
     * Nimbus's reactive key source fails a JWKS that cannot be fetched (a 5xx, a timeout, a reset) with a plain
     * IllegalStateException or the WebClient's own exception, which Spring Security passes on as an unexpected error
     * (a 500). As a JwtException that is not a BadJwtException it becomes an AuthenticationServiceException: "the
     * token could not be checked", which TokenCheckFailureHandler answers with 503.
     */
    private static JwtException keysUnavailable(Throwable error) {
        return new JwtException("identity's keys cannot be fetched: " + error.getMessage(), error);
    }

    static boolean isSigned(String token) {
        try {
            return JWTParser.parse(token) instanceof SignedJWT;
        } catch (ParseException e) {
            return false;
        }
    }

    static OAuth2TokenValidator<Jwt> validator(AccessTokenProperties properties) {
        JwtTypeValidator type = new JwtTypeValidator(ACCESS_TOKEN_TYPE);
        type.setAllowEmpty(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                type,
                new JwtTimestampValidator(properties.clockSkew()),
                // JwtTimestampValidator accepts a token without exp; an access token must expire.
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                // Everything behind the gateway names the caller by sub.
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, Objects::nonNull),
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience())));
    }
}
