package dev.hailway.gateway.problems;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;

import dev.hailway.gateway.requestid.RequestIds;
import reactor.core.publisher.Mono;

/**
 * Turns every error the gateway raises itself (no route, service down, timeout, body too large, anything unexpected)
 * into problem+json. Ordered before Boot's default handler (order -1), which would render its own error JSON.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemResponses problems;

    ProblemErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            // Part of a proxied response is already on its way; nothing sensible can be written any more.
            return Mono.error(error);
        }
        ProblemType type = classify(error);
        // This handler runs outside the filter chain's Reactor context, so the request id is put in the MDC here.
        try (var ignored = MDC.putCloseable(RequestIds.MDC_KEY, RequestIds.of(exchange))) {
            log(exchange, type, error);
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        return problems.write(exchange, type);
    }

    private static void log(ServerWebExchange exchange, ProblemType type, Throwable error) {
        if (type == ProblemType.INTERNAL) {
            log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), error);
        } else if (type.status().is5xxServerError()) {
            log.warn("{} on {} {}: {}", type.status().value(), exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), error.toString());
        }
    }

    static ProblemType classify(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResponseStatusException statusException) {
                return ProblemType.forStatus(statusException.getStatusCode().value());
            }
            if (cause instanceof TimeoutException || isReadTimeout(cause)) {
                return ProblemType.GATEWAY_TIMEOUT;
            }
            // Refused, reset, closed early, or an answer Netty could not decode: the service is not there for now.
            // IOException covers them all (SocketException, Netty's native "Connection reset by peer",
            // PrematureCloseException); a timeout is none of them.
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof ClosedChannelException || cause instanceof IOException
                    || isPrematureClose(cause) || isUndecodableResponse(cause)) {
                return ProblemType.SERVICE_UNAVAILABLE;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return ProblemType.INTERNAL;
    }

    // Matched by name: these Netty types are transitive and their packages moved between versions.
    private static boolean isPrematureClose(Throwable error) {
        return error.getClass().getSimpleName().equals("PrematureCloseException");
    }

    private static boolean isUndecodableResponse(Throwable error) {
        return error.getClass().getSimpleName().equals("DecoderException");
    }

    private static boolean isReadTimeout(Throwable error) {
        return error.getClass().getSimpleName().equals("ReadTimeoutException");
    }
}
