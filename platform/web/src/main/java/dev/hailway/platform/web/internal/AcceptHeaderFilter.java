package dev.hailway.platform.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hailway.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
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
 * refusal, with no body and no content type at all (found by the e2e FuzzingTheApiIT). A write whose Accept rules
 * out JSON is a 406 before it runs.
 */
final class AcceptHeaderFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ProblemResponses problems;

    AcceptHeaderFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (accept.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        List<MediaType> acceptable = negotiable(accept);
        if (acceptable == null) {
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Validation failed",
                    "The Accept header is not a list of media types", request);
            problem.setProperty("errors", List.of(Map.of("field", "Accept", "message", "is not a list of media types")));
            problems.write(response, problem);
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && acceptable.stream().noneMatch(AcceptHeaderFilter::takesJson)) {
            // MVC negotiates when it writes the answer, after the write was done: a registration with Accept: text/html
            // stored the account and answered 406 (found by FuzzingTheApiIT). A write is refused before it runs instead.
            problems.write(response, ProblemResponses.problem(HttpStatus.NOT_ACCEPTABLE,
                    Problems.slugFor(HttpStatus.NOT_ACCEPTABLE), "Not acceptable",
                    "Hailway answers in JSON, which this Accept header rules out; nothing was done", request));
            return;
        }
        chain.doFilter(request, response);
    }

    /** What HeaderContentNegotiationStrategy does with the header: parse it, then sort it (at most 50 types). */
    private static @Nullable List<MediaType> negotiable(List<String> accept) {
        try {
            List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
            MimeTypeUtils.sortBySpecificity(types);
            return types;
        } catch (InvalidMediaTypeException | InvalidMimeTypeException e) {
            return null;
        }
    }

    private static boolean takesJson(MediaType type) {
        return type.getQualityValue() > 0 && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
