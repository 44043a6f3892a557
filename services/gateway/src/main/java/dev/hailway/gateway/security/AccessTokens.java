package dev.hailway.gateway.security;

import java.util.List;
import java.util.Objects;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

/** The access token rules: RS256 only, {@code typ: at+jwt}, issuer, audience, and an expiry that has not passed. */
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
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(AccessTokenProperties properties) {
        JwtTypeValidator type = new JwtTypeValidator(ACCESS_TOKEN_TYPE);
        type.setAllowEmpty(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                type,
                new JwtTimestampValidator(properties.clockSkew()),
                // JwtTimestampValidator accepts a token without exp; an access token must expire.
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience())));
    }
}
