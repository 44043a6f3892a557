package dev.hailway.gateway.accept;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hailway.gateway.problems.ProblemResponses;
import dev.hailway.gateway.problems.ProblemType;
import reactor.core.publisher.Mono;

/**
 * An {@code Accept} header that WebFlux cannot negotiate with (unparsable, or more than the 50 types it sorts) is a
 * 400 problem naming the header, before any handler is picked: left to the handler mapping it threw while choosing
 * one and became a 500 (found by FuzzingTheApiIT). The services refuse the same headers the same way.
 */
@Component
class AcceptHeaderFilter implements WebFilter, Ordered {

    private final ProblemResponses problems;

    AcceptHeaderFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> accept = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.ACCEPT);
        if (accept.isEmpty() || negotiable(accept)) {
            return chain.filter(exchange);
        }
        return problems.write(exchange, ProblemType.MALFORMED_REQUEST,
                "The Accept header cannot be read (at most 50 media types, each type/subtype); Hailway answers in JSON.");
    }

    /** What the handler mapping does with the header: parse it, then sort it by specificity (at most 50 types). */
    static boolean negotiable(List<String> accept) {
        try {
            List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
            MimeTypeUtils.sortBySpecificity(types);
            return true;
        } catch (InvalidMediaTypeException | InvalidMimeTypeException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
