package dev.hailway.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;

import dev.hailway.gateway.problems.ProblemResponses;
import dev.hailway.gateway.problems.ProblemType;
import reactor.core.publisher.Mono;

/**
 * The gateway checks tokens itself so that unauthenticated traffic stops at the edge; the services check again.
 * Stateless: no session, no CSRF (no cookies are used), no saved requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(AccessTokenProperties properties) {
        return AccessTokens.decoder(properties);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            CorsConfigurationSource cors, ProblemResponses problems) {
        var entryPoint = new ProblemAuthenticationEntryPoint(problems);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(spec -> spec.configurationSource(cors))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(PublicPaths.PATTERNS.toArray(String[]::new)).permitAll()
                        .pathMatchers(PublicPaths.PROTECTED.toArray(String[]::new)).authenticated()
                        // Outside /api and /ws: actuator (only health, info, prometheus are exposed, the rest is a
                        // 404), Swagger UI, and unknown paths, which end as a 404 problem from the router.
                        .anyExchange().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(ignoringPublicPaths())
                        .authenticationEntryPoint(entryPoint)
                        .authenticationFailureHandler(new TokenCheckFailureHandler(entryPoint, problems))
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, ProblemType.FORBIDDEN))
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(rolesAsAuthorities())))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, ProblemType.FORBIDDEN)))
                .build();
    }

    /** Paths rejected by Spring Security's firewall ({@code ..}, encoded slashes, ...) get a problem, not an empty 400. */
    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(exchange, ProblemType.MALFORMED_REQUEST,
                "The request path or headers are not allowed.");
    }

    /**
     * A token on a public path (an expired one sent to /api/auth/refresh, say) is passed on but not judged here;
     * otherwise a stale token would lock a client out of logging in again.
     */
    private static ServerAuthenticationConverter ignoringPublicPaths() {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        ServerWebExchangeMatcher publicPaths = ServerWebExchangeMatchers.pathMatchers(
                PublicPaths.PATTERNS.toArray(String[]::new));
        return exchange -> publicPaths.matches(exchange)
                .flatMap(match -> match.isMatch() ? Mono.<Authentication>empty() : bearer.convert(exchange));
    }

    private static ReactiveJwtAuthenticationConverterAdapter rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
