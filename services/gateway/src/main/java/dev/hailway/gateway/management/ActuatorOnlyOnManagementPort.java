package dev.hailway.gateway.management;

import java.net.InetSocketAddress;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hailway.gateway.problems.ProblemResponses;
import dev.hailway.gateway.problems.ProblemType;
import reactor.core.publisher.Mono;

/**
 * The management port serves the actuator and nothing else. The management server shares the gateway's handler
 * mappings, so without this it would route the API too, and a scraper allowed onto that port could call services
 * around the public port's limits. Spring Cloud Gateway refuses to route there only when the port is a fixed number;
 * this filter reads the port the server really bound (random in tests, {@code 0} in {@code management.server.port}).
 */
final class ActuatorOnlyOnManagementPort implements WebFilter, Ordered, ApplicationListener<WebServerInitializedEvent> {

    private static final String MANAGEMENT_NAMESPACE = "management";

    private final ProblemResponses problems;
    private volatile int managementPort = -1;

    ActuatorOnlyOnManagementPort(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (MANAGEMENT_NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
            managementPort = event.getWebServer().getPort();
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        String path = exchange.getRequest().getPath().value();
        if (local != null && local.getPort() == managementPort
                && !(path.equals("/actuator") || path.startsWith("/actuator/"))) {
            return problems.write(exchange, ProblemType.NOT_FOUND);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // Right after the request id, before the security chain: on this port anything else is not there, not a 401.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
