package dev.hailway.platform.web.internal;

/** The request body went past the limit while it was read (a chunked body has no Content-Length to check). */
final class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
