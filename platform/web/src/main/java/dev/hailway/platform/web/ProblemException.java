package dev.hailway.platform.web;

import java.util.Map;
import java.util.Objects;

import org.springframework.http.HttpStatus;

/**
 * A domain error that leaves the service as a problem+json response with this status and slug, e.g.
 * {@code throw new ProblemException(HttpStatus.CONFLICT, Problems.CONFLICT, "Email taken", "An account with
 * this email exists")}. {@code detail} goes to the client as is: it must not carry internals.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties;

    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    /** With extra members in the problem, e.g. {@code Map.of("retryAfterSeconds", 5)}. */
    public ProblemException(HttpStatus status, String slug, String title, String detail,
                            Map<String, Object> properties) {
        super(detail);
        this.status = Objects.requireNonNull(status, "status");
        this.slug = Objects.requireNonNull(slug, "slug");
        this.title = Objects.requireNonNull(title, "title");
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
