package dev.hailway.gateway.requestsize;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hailway.gateway.problems.ProblemResponses;
import dev.hailway.gateway.problems.ProblemType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies over the limit before anything is routed: at once when Content-Length says so, and while streaming
 * when the body comes chunked (the count then fails the upload as soon as it passes the limit).
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;
    private final ProblemResponses problems;

    BodySizeLimitFilter(RequestSizeProperties properties, ProblemResponses problems) {
        this.maxBytes = properties.maxBody().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, ProblemType.PAYLOAD_TOO_LARGE, tooLargeDetail());
        }
        if (declared >= 0) {
            // The server does not read past Content-Length, so the declared size is the real one.
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(limited(exchange.getRequest(), maxBytes)).build());
    }

    static ServerHttpRequest limited(ServerHttpRequest request, long maxBytes) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    AtomicLong seen = new AtomicLong();
                    return super.getBody().map(buffer -> {
                        if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                            DataBufferUtils.release(buffer);
                            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE);
                        }
                        return buffer;
                    });
                });
            }
        };
    }

    private String tooLargeDetail() {
        return "The request body is larger than " + (maxBytes / 1024) + " KiB.";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
