package dev.hailway.identity.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Identity as a resource server (ADR 0003): every path needs a valid access token except the open ones of
 * docs/CONVENTIONS.md and identity's own public auth endpoints. Authorities are {@code ROLE_<role>} from the
 * {@code roles} claim. Method security guards the operator-only endpoints that sit under the gateway-public
 * {@code /api/auth/}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final List<String> ALWAYS_OPEN = List.of("/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs/**", "/error");

    @Bean
    SecurityFilterChain identitySecurity(HttpSecurity http, ProblemWriter problems,
            Environment environment) throws Exception {
        var open = new ArrayList<>(ALWAYS_OPEN);
        open.addAll(Binder.get(environment).bind("hailway.security.public-paths", Bindable.listOf(String.class))
                .orElse(List.of()));
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "unauthorized", "A valid access token is required."))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "forbidden", "The token does not allow this.")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "unauthorized", "A valid access token is required."))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "forbidden", "The token does not allow this.")));
        return http.build();
    }

    static JwtAuthenticationConverter rolesAsAuthorities() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
