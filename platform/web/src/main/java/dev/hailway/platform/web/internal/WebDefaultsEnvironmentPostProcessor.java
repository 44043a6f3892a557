package dev.hailway.platform.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Observability and error defaults every service inherits without copying YAML. Added as the last property
 * source, so a service's own configuration or environment wins; runs after the config files are loaded so it
 * can look at them.
 *
 * <p>Tracing: every request is sampled and exported over OTLP only when {@code MANAGEMENT_OTLP_TRACING_ENDPOINT}
 * is set (no exporter, so no connection-refused noise, otherwise). RestClient and WebClient calls carry the
 * trace on when they are built from Boot's auto-configured {@code RestClient.Builder} / {@code WebClient.Builder}.
 *
 * <p>Logs are ECS JSON with trace and span ids; {@code hailway.logging.format=plain} keeps them readable in
 * tests and on a developer's console.
 */
public class WebDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "hailwayWebDefaults";
    static final String LEGACY_OTLP_ENDPOINT = "management.otlp.tracing.endpoint";
    static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String PROMETHEUS_EXEMPLARS =
            "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults(environment)));
        }
    }

    static Map<String, Object> defaults(ConfigurableEnvironment environment) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // Errors: problem details, and nothing about the insides on Boot's own error page either.
        defaults.put("spring.mvc.problemdetails.enabled", "true");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put("server.error.include-exception", "false");
        defaults.put("server.error.include-binding-errors", "never");
        defaults.put("server.error.whitelabel.enabled", "false");
        defaults.put("spring.flyway.locations", "classpath:db/platform,classpath:db/migration");
        // Every service documents its API at /v3/api-docs (open, like the probes); said explicitly, not by default.
        defaults.put("springdoc.api-docs.enabled", "true");
        // Only the public API, though: /internal/** is between services, and the gateway never routes it.
        defaults.put("springdoc.paths-to-exclude", "/internal/**");

        // Actuator: probes and metrics for the platform, dead letters for operators, nothing else.
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,deadletters");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "never");

        // Metrics: every meter says which service it comes from, whatever scrapes it (the dashboards select on it),
        // and request durations carry histogram buckets, so p99 can be aggregated across instances.
        defaults.put("management.metrics.tags.application", "${spring.application.name}");
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        defaults.put("management.metrics.distribution.minimum-expected-value.http.server.requests", "5ms");
        defaults.put("management.metrics.distribution.maximum-expected-value.http.server.requests", "30s");

        // No exemplars (trace ids on samples): Micrometer puts them on every _count line too, which Prometheus before
        // 2.43 (Debian 12's 2.42, for one) refuses, failing the whole scrape: no metrics at all, seen in
        // DashboardMetricsIT. Traces are found from logs (trace ids) and Jaeger instead.
        defaults.put("spring.autoconfigure.exclude", PROMETHEUS_EXEMPLARS);

        // Tracing: sample everything (traffic is low, traces are the point); export only when told where.
        defaults.put("management.tracing.sampling.probability", "1.0");
        String legacyEndpoint = environment.getProperty(LEGACY_OTLP_ENDPOINT);
        String endpoint = environment.getProperty(OTLP_ENDPOINT);
        if (endpoint == null && legacyEndpoint != null && !legacyEndpoint.isBlank()) {
            // The conventions name MANAGEMENT_OTLP_TRACING_ENDPOINT; Boot 4 reads the newer property.
            defaults.put(OTLP_ENDPOINT, legacyEndpoint);
            endpoint = legacyEndpoint;
        }
        if (endpoint == null || endpoint.isBlank()) {
            defaults.put("management.tracing.export.otlp.enabled", "false");
        }
        // Metrics are scraped through /actuator/prometheus; OTLP push and OTLP logs stay off.
        defaults.put("management.otlp.metrics.export.enabled", "false");
        defaults.put("management.logging.export.otlp.enabled", "false");

        if (!"plain".equalsIgnoreCase(environment.getProperty("hailway.logging.format", "json"))) {
            defaults.put("logging.structured.format.console", "ecs");
        }
        return defaults;
    }
}
