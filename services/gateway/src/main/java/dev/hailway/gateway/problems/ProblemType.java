package dev.hailway.gateway.problems;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** The gateway's own problem types; slugs and titles follow docs/CONVENTIONS.md. */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST,
            "The request could not be understood."),
    UNAUTHORIZED("unauthorized", "Unauthorized", HttpStatus.UNAUTHORIZED,
            "A valid access token is required."),
    FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN,
            "You are not allowed to do this."),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND,
            "There is nothing at this path."),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED,
            "This method is not allowed on this path."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "This content type is not supported here."),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", HttpStatus.CONTENT_TOO_LARGE,
            "The request body is larger than allowed."),
    RATE_LIMITED("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS,
            "Too many requests; try again later."),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE,
            "The service behind this path is not reachable right now; try again shortly."),
    OVERLOADED("service-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE,
            "The gateway is serving as many requests as it can; try again shortly."),
    GATEWAY_TIMEOUT("service-unavailable", "Gateway timeout", HttpStatus.GATEWAY_TIMEOUT,
            "The service behind this path did not answer in time."),
    INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side.");

    private static final String BASE = "https://hailway.dev/problems/";

    private final String slug;
    private final String title;
    private final HttpStatus status;
    private final String defaultDetail;

    ProblemType(String slug, String title, HttpStatus status, String defaultDetail) {
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.defaultDetail = defaultDetail;
    }

    public URI type() {
        return URI.create(BASE + slug);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    public String defaultDetail() {
        return defaultDetail;
    }

    /** The problem type for a status the gateway itself answers with; anything unexpected counts as internal. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 502, 503 -> SERVICE_UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> status >= 400 && status < 500 ? MALFORMED_REQUEST : INTERNAL;
        };
    }
}
