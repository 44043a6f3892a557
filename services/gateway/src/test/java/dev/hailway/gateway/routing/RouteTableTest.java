package dev.hailway.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void routesOnlyTheServicesWhoseBaseUrlIsConfigured() {
        var enabled = RouteTable.enabled(Map.of("identity", URI.create("http://localhost:8081")));

        assertThat(enabled).singleElement().satisfies(route -> {
            assertThat(route.route().service()).isEqualTo("identity");
            assertThat(route.route().paths()).containsExactly("/api/auth/**", "/api/me", "/api/accounts/**");
            assertThat(route.baseUrl()).isEqualTo(URI.create("http://localhost:8081"));
        });
    }

    @Test
    void addingARideServiceIsOnlyConfiguration() {
        var enabled = RouteTable.enabled(Map.of(
                "identity", URI.create("http://localhost:8081"),
                "trips", URI.create("http://localhost:8085"),
                "notifications", URI.create("http://localhost:8088")));

        assertThat(enabled).extracting(route -> route.route().service())
                .containsExactly("identity", "trips", "notifications");
        assertThat(enabled).filteredOn(route -> route.route().service().equals("notifications"))
                .singleElement().satisfies(route -> {
                    assertThat(route.route().paths()).contains("/ws");
                    assertThat(route.route().streaming()).isTrue();
                });
    }

    @Test
    void coversEveryPublicApiPathOfTheArchitecture() {
        assertThat(RouteTable.PUBLIC_API).extracting(ServiceRoute::service).containsExactly(
                "identity", "drivers", "location", "pricing", "trips", "dispatch", "payments", "notifications",
                "history");
        assertThat(RouteTable.PUBLIC_API).flatExtracting(ServiceRoute::paths).contains(
                "/api/drivers/**", "/api/locations/**", "/api/quotes/**", "/api/trips/**", "/api/offers/**",
                "/api/payment-methods/**", "/api/notifications/**", "/ws", "/api/history/**", "/api/ops/**");
    }

    @Test
    void neverRoutesToAnActuator() {
        assertThat(RouteTable.PUBLIC_API).flatExtracting(ServiceRoute::paths)
                .allSatisfy(path -> assertThat(path).doesNotContain("actuator").startsWith("/"));
    }

    @Test
    void reportsConfiguredNamesThatMatchNoService() {
        assertThat(RouteTable.unknownServices(Map.of(
                "identity", URI.create("http://a"), "trip", URI.create("http://b"))))
                .containsExactly("trip");
    }
}
