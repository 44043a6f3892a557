package dev.hailway.platform.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.hailway.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An {@code Accept} header that Spring MVC cannot negotiate with (a quality that is not a number, {@code *}{@code /*;q=x};
 * a media type without a subtype; more than 50 types) is a 400 problem naming the header. Left to MVC, negotiation
 * failed twice, for the answer and then for the problem about it, so the client got a 406, or the status of its real
 * refusal, with no body and no content type at all (found by the e2e FuzzingTheApiIT).
 */
final class AcceptHeaderFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    AcceptHeaderFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (!accept.isEmpty() && !negotiable(accept)) {
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Validation failed",
                    "The Accept header is not a list of media types", request);
            problem.setProperty("errors", List.of(Map.of("field", "Accept", "message", "is not a list of media types")));
            problems.write(response, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** What HeaderContentNegotiationStrategy does with the header: parse it, then sort it (at most 50 types). */
    private static boolean negotiable(List<String> accept) {
        try {
            MimeTypeUtils.sortBySpecificity(new ArrayList<>(MediaType.parseMediaTypes(accept)));
            return true;
        } catch (InvalidMediaTypeException | InvalidMimeTypeException e) {
            return false;
        }
    }
}
