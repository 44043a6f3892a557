package dev.hailway.platform.web.internal;

import java.io.IOException;

import dev.hailway.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the security filters, as problem+json. Spring's bearer-token handlers still write the
 * {@code WWW-Authenticate: Bearer ...} header (RFC 6750); the body says why without saying how the token failed.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

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
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        bearerDeniedHandler.handle(request, response, exception);
        problems.write(response, ProblemResponses.problem(HttpStatus.FORBIDDEN, Problems.FORBIDDEN,
                "Forbidden", "You may not do this", request));
    }
}
