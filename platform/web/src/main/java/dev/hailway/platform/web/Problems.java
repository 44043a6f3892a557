package dev.hailway.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/**
 * Problem types every service shares (RFC 9457): {@code type} is {@code https://hailway.dev/problems/<slug>}.
 * Clients branch on the slug, never on {@code title} or {@code detail}.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://hailway.dev/problems/";

    public static final String VALIDATION = "validation";
    public static final String MALFORMED_REQUEST = "malformed-request";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String CONFLICT = "conflict";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    public static final String IDEMPOTENCY_KEY_IN_FLIGHT = "idempotency-key-in-flight";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
    public static final String INTERNAL = "internal";

    /** The extra member carrying the request id. */
    public static final String REQUEST_ID = "requestId";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** The slug used for an error that carries no slug of its own, by its status. */
    public static String slugFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status.is4xxClientError() ? MALFORMED_REQUEST : INTERNAL;
        };
    }
}
