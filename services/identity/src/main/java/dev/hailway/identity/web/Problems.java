package dev.hailway.identity.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Domain refusals as RFC 9457 problems with the slugs of docs/CONVENTIONS.md. Spring's own
 * {@link ErrorResponseException}, so that whichever handler renders problems (platform-web's) renders these too.
 */
public final class Problems {

    private static final String TYPE_BASE = "https://hailway.dev/problems/";

    private Problems() {
    }

    public static ErrorResponseException of(HttpStatus status, String slug, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    public static ErrorResponseException unauthorized(String detail) {
        return of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    public static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not Found", detail);
    }
}
