package dev.hailway.gateway.problems;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.hailway.gateway.requestid.RequestIds;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes the gateway's own errors; every feature that answers by itself goes through here. */
@Component
public class ProblemResponses {

    /** Retry-After of a 503 whose writer did not choose one: a service or identity that is down or restarting. */
    static final String DEFAULT_RETRY_AFTER_SECONDS = "2";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemType type) {
        return write(exchange, type, null);
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail) {
        Problem problem = Problem.of(type, detail, exchange.getRequest().getPath().value(), RequestIds.of(exchange));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(type.status());
        if (type.status() == HttpStatus.SERVICE_UNAVAILABLE && !response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
            // Every 503 of the gateway says when to come back, so that clients back off instead of hammering.
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, DEFAULT_RETRY_AFTER_SECONDS);
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = render(problem);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    byte[] render(Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (RuntimeException e) {
            // Never fail while reporting a failure: fall back to a fixed document.
            return ("{\"type\":\"https://hailway.dev/problems/internal\",\"title\":\"Internal error\",\"status\":"
                    + problem.status() + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
