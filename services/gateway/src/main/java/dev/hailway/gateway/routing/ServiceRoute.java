package dev.hailway.gateway.routing;

import java.util.List;

/**
 * One service's share of the public API.
 *
 * @param service the name used in {@code hailway.gateway.routes.<service>}
 * @param paths path patterns routed to it unchanged
 * @param streaming whether responses may stay open (SSE, WebSocket), so the response timeout must not apply
 */
public record ServiceRoute(String service, List<String> paths, boolean streaming) {

    /** Route metadata set on streaming routes: their exchanges stay open, so limits on in-flight calls skip them. */
    public static final String LONG_LIVED = "hailway.long-lived";

    public ServiceRoute {
        paths = List.copyOf(paths);
    }

    static ServiceRoute of(String service, String... paths) {
        return new ServiceRoute(service, List.of(paths), false);
    }

    static ServiceRoute streaming(String service, String... paths) {
        return new ServiceRoute(service, List.of(paths), true);
    }
}
