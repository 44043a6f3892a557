package dev.hailway.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public API as data (ARCHITECTURE.md, "Public API"). A service is routed only when its base URL is configured,
 * so bringing a service online is a configuration change.
 */
public final class RouteTable {

    public static final List<ServiceRoute> PUBLIC_API = List.of(
            // /api/accounts/**: where a registration's Location points.
            ServiceRoute.of("identity", "/api/auth/**", "/api/me", "/api/accounts/**"),
            ServiceRoute.of("drivers", "/api/drivers/**"),
            ServiceRoute.of("location", "/api/locations/**"),
            ServiceRoute.of("pricing", "/api/quotes/**"),
            ServiceRoute.of("trips", "/api/trips/**"),
            ServiceRoute.of("dispatch", "/api/offers/**"),
            ServiceRoute.of("payments", "/api/payment-methods/**", "/api/payments/**"),
            ServiceRoute.streaming("notifications", "/api/notifications/**", "/ws"),
            ServiceRoute.of("history", "/api/history/**", "/api/ops/**"));

    /** Where each service's own OpenAPI document is served through the gateway. */
    public static String apiDocsPath(String service) {
        return "/v3/api-docs/" + service;
    }

    private RouteTable() {
    }

    /** The routes to install for the configured base URLs, in table order. */
    public static List<EnabledRoute> enabled(Map<String, URI> baseUrls) {
        return PUBLIC_API.stream()
                .filter(route -> baseUrls.get(route.service()) != null)
                .map(route -> new EnabledRoute(route, baseUrls.get(route.service())))
                .toList();
    }

    /** Configured names that match no service: most likely a typo in an environment variable. */
    public static Set<String> unknownServices(Map<String, URI> baseUrls) {
        Set<String> unknown = new TreeSet<>(baseUrls.keySet());
        PUBLIC_API.forEach(route -> unknown.remove(route.service()));
        return unknown;
    }

    public record EnabledRoute(ServiceRoute route, URI baseUrl) {
    }
}
