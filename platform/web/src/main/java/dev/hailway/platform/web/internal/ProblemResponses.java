package dev.hailway.platform.web.internal;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.hailway.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.ObjectMapper;

/** Builds problem details the same way for the MVC advice, the filters and the error page. */
final class ProblemResponses {

    private final ObjectMapper mapper;

    ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static ProblemDetail problem(HttpStatusCode status, String slug, String title, @Nullable String detail,
                                 HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        decorate(problem, slug, request);
        return problem;
    }

    /** Sets the hailway type, the instance and the request id on a problem built elsewhere. */
    static ProblemDetail decorate(ProblemDetail problem, String slug, @Nullable HttpServletRequest request) {
        problem.setType(Problems.type(slug));
        if (request != null && problem.getInstance() == null) {
            problem.setInstance(URI.create(safePath(request)));
        }
        String requestId = requestId(request);
        if (requestId != null) {
            problem.setProperty(Problems.REQUEST_ID, requestId);
        }
        return problem;
    }

    static @Nullable String requestId(@Nullable HttpServletRequest request) {
        Object attribute = request == null ? null : request.getAttribute(RequestIdFilter.ATTRIBUTE);
        return attribute instanceof String id ? id : MDC.get(RequestIdFilter.MDC_KEY);
    }

    private static String safePath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        try {
            return URI.create(uri).getRawPath();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    /** Writes a problem directly, for code that runs outside Spring MVC (filters, security handlers). */
    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), body);
    }
}
