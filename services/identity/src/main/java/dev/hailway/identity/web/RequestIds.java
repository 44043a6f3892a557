package dev.hailway.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code X-Request-Id}: kept when well-formed (the gateway sets it), made up otherwise, echoed, and logged as MDC
 * {@code requestId}. Also refuses bodies over 256 KiB with 413 before anything reads them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final long MAX_BODY_BYTES = 256 * 1024;
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final ProblemWriter problems;

    RequestIds(ProblemWriter problems) {
        this.problems = problems;
    }

    static String current(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getHeader(HEADER);
        if (id == null || !WELL_FORMED.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put("requestId", id);
        try {
            if (request.getContentLengthLong() > MAX_BODY_BYTES) {
                problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
                        "payload-too-large", "The request body is larger than 256 KiB.");
                return;
            }
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }
}
