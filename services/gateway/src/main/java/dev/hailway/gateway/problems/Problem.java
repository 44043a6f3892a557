package dev.hailway.gateway.problems;

import java.net.URI;

/** An RFC 9457 problem document as the gateway writes it, in the member order clients see. */
public record Problem(URI type, String title, int status, String detail, String instance, String requestId) {

    public static Problem of(ProblemType problemType, String detail, String instance, String requestId) {
        return new Problem(problemType.type(), problemType.title(), problemType.status().value(),
                detail == null ? problemType.defaultDetail() : detail, instance, requestId);
    }
}
