package dev.hailway.gateway.overload;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import dev.hailway.gateway.problems.ProblemResponses;
import dev.hailway.gateway.problems.ProblemType;
import dev.hailway.gateway.routing.ServiceRoute;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * A bulkhead on proxied requests: at most {@code maxInFlight} at once, the rest refused at once with 503 and
 * {@code Retry-After}. Without it an overload queues in Netty's pools and every request, admitted or not, waits until
 * it times out; with it the admitted ones keep their latency and the others learn at once to come back later.
 *
 * <p>Long-lived routes (SSE, WebSocket) are left out: each holds its connection for minutes and would use up the
 * permits of short calls. A permit is given back once, however the exchange ends: answered, failed or cancelled by a
 * client that went away.
 */
final class InFlightLimitFilter implements GlobalFilter, Ordered {

    private final Semaphore permits;
    private final OverloadProperties properties;
    private final ProblemResponses problems;
    private final Counter shed;

    InFlightLimitFilter(OverloadProperties properties, ProblemResponses problems, MeterRegistry registry) {
        this.properties = properties;
        this.permits = new Semaphore(properties.maxInFlight());
        this.problems = problems;
        this.shed = Counter.builder("hailway.gateway.requests.shed")
                .description("Proxied requests refused with 503 because the gateway was at its in-flight limit")
                .register(registry);
        Gauge.builder("hailway.gateway.requests.in.flight", permits,
                        semaphore -> properties.maxInFlight() - semaphore.availablePermits())
                .description("Proxied requests being served now (long-lived streams not counted)")
                .register(registry);
        Gauge.builder("hailway.gateway.requests.in.flight.limit", properties, OverloadProperties::maxInFlight)
                .register(registry);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null && (Boolean.TRUE.equals(route.getMetadata().get(ServiceRoute.LONG_LIVED))
                || "forward".equals(route.getUri().getScheme()))) {
            // Streams, and what the gateway answers itself (the probes): a probe must answer during an overload.
            return chain.filter(exchange);
        }
        if (!permits.tryAcquire()) {
            shed.increment();
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                    Long.toString(properties.retryAfterSeconds()));
            return problems.write(exchange, ProblemType.OVERLOADED);
        }
        AtomicBoolean released = new AtomicBoolean();
        return chain.filter(exchange).doFinally(signal -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        });
    }

    @Override
    public int getOrder() {
        // First among the route filters: a refused request costs nothing further.
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
