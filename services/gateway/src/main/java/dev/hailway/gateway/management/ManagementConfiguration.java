package dev.hailway.gateway.management;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hailway.gateway.problems.ProblemResponses;

/**
 * The actuator on a port of its own ({@link ManagementPortEnvironmentPostProcessor}), serving nothing else, and the
 * liveness and readiness probes still on the public port, where the launcher and the manifests call them. Boot serves
 * the two groups on the public port as {@code /livez} and {@code /readyz}
 * ({@code management.endpoint.health.probes.add-additional-paths}) but allows only one path segment there; the probe
 * routes forward the usual paths to them, so the answer is Boot's own for the group.
 */
@Configuration(proxyBeanMethods = false)
class ManagementConfiguration {

    @Bean
    ActuatorOnlyOnManagementPort actuatorOnlyOnManagementPort(ProblemResponses problems) {
        return new ActuatorOnlyOnManagementPort(problems);
    }

    @Bean
    RouteLocator probeRoutes(RouteLocatorBuilder builder) {
        return builder.routes()
                .route("liveness-probe", spec -> spec.path("/actuator/health/liveness")
                        .filters(filters -> filters.setPath("/livez"))
                        .uri("forward:/livez"))
                .route("readiness-probe", spec -> spec.path("/actuator/health/readiness")
                        .filters(filters -> filters.setPath("/readyz"))
                        .uri("forward:/readyz"))
                .build();
    }
}
