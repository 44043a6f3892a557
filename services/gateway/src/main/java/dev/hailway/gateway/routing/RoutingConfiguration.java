package dev.hailway.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

    @Bean
    RouteLocator publicApiRoutes(RouteLocatorBuilder builder, RoutingProperties properties) {
        var unknown = RouteTable.unknownServices(properties.routes());
        if (!unknown.isEmpty()) {
            log.warn("Ignoring routes for unknown services {}; known are {}", unknown,
                    RouteTable.PUBLIC_API.stream().map(ServiceRoute::service).toList());
        }
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (RouteTable.EnabledRoute enabled : RouteTable.enabled(properties.routes())) {
            ServiceRoute route = enabled.route();
            String uri = enabled.baseUrl().toString();
            log.info("Routing {} to {} at {}", route.paths(), route.service(), uri);
            routes.route(route.service(), spec -> {
                var predicate = spec.path(route.paths().toArray(String[]::new));
                if (route.streaming()) {
                    // Server-sent events and WebSockets stay open; a response timeout would cut them.
                    predicate.metadata(RESPONSE_TIMEOUT_ATTR, -1);
                    predicate.metadata(ServiceRoute.LONG_LIVED, true);
                }
                return predicate.uri(uri);
            });
            routes.route(route.service() + "-api-docs", spec -> spec
                    .path(RouteTable.apiDocsPath(route.service()))
                    .filters(filters -> filters.setPath("/v3/api-docs"))
                    .uri(uri));
        }
        return routes.build();
    }
}
