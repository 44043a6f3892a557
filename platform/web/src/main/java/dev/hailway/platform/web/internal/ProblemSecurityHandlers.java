package dev.hailway.platform.web.internal;

import java.io.IOException;

import dev.hailway.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * 401 and 403 from the security filters, as problem+json. Spring's bearer-token handlers still write the
 * {@code WWW-Authenticate: Bearer ...} header (RFC 6750); the body says why without saying how the token failed.
 *
 * <p>As the bearer filter's failure handler it also answers the one failure that is not the caller's: the token could
 * not be checked at all (identity's JWKS did not answer). Spring's default rethrows that, which ends as a 500; it is
 * a 503 with {@code Retry-After}, since the same token may well pass a moment later.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler,
        AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemSecurityHandlers.class);
    private static final String RETRY_AFTER_SECONDS = "5";


    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDeniedHandler = new BearerTokenAccessDeniedHandler();
    private final ProblemResponses problems;

    ProblemSecurityHandlers(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        bearerEntryPoint.commence(request, response, exception);
        problems.write(response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
                "Unauthorized", "A valid access token is required", request));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        if (!(exception instanceof AuthenticationServiceException)) {
            commence(request, response, exception);
            return;
        }
        log.warn("could not check an access token: {}", exception.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        problems.write(response, ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                "Service Unavailable", "The access token cannot be checked right now; try again shortly", request));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        bearerDeniedHandler.handle(request, response, exception);
        problems.write(response, ProblemResponses.problem(HttpStatus.FORBIDDEN, Problems.FORBIDDEN,
                "Forbidden", "You may not do this", request));
    }
}
