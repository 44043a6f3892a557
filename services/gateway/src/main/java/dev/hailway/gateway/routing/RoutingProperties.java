package dev.hailway.gateway.routing;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param routes base URL per service name, e.g. {@code hailway.gateway.routes.identity=http://localhost:8081}
 *               ({@code HAILWAY_GATEWAY_ROUTES_IDENTITY})
 */
@ConfigurationProperties("hailway.gateway")
public record RoutingProperties(@DefaultValue Map<String, URI> routes) {
}
