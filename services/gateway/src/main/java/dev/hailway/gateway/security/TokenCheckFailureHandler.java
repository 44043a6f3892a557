package dev.hailway.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;

import dev.hailway.gateway.problems.ProblemResponses;
import dev.hailway.gateway.problems.ProblemType;
import reactor.core.publisher.Mono;

/**
 * A token that could not be checked is not a bad token: when identity's keys cannot be fetched (identity down, slow,
 * failing) the caller gets 503 with Retry-After, as every service answers then, instead of a 401 that would send
 * them to log in again or the 500 Spring Security leaves it as. A token that was checked and refused stays a 401.
 */
final class TokenCheckFailureHandler implements ServerAuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(TokenCheckFailureHandler.class);

    private final ServerAuthenticationEntryPoint unauthorized;
    private final ProblemResponses problems;

    TokenCheckFailureHandler(ServerAuthenticationEntryPoint unauthorized, ProblemResponses problems) {
        this.unauthorized = unauthorized;
        this.problems = problems;
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
        if (!(exception instanceof AuthenticationServiceException)) {
            return unauthorized.commence(webFilterExchange.getExchange(), exception);
        }
        // The cause says which: timeout, refused, 5xx. No stack trace: it is an outage of identity, not a bug here.
        log.warn("Cannot check an access token: {}", exception.getMessage());
        return problems.write(webFilterExchange.getExchange(), ProblemType.SERVICE_UNAVAILABLE,
                "The access token cannot be checked right now; try again shortly.");
    }
}
