package dev.hailway.gateway.observability;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * CONVENTIONS.md names the trace endpoint {@code MANAGEMENT_OTLP_TRACING_ENDPOINT}; Boot 4 reads
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} and creates an exporter as soon as that property
 * exists, even empty. So it is set only when the variable has a value: no exporter, and no failed exports, otherwise.
 */
public class OtlpEndpointEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String CONVENTION = "management.otlp.tracing.endpoint";
    static final String BOOT_PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String endpoint = environment.getProperty(CONVENTION);
        if (endpoint != null && !endpoint.isBlank() && !environment.containsProperty(BOOT_PROPERTY)) {
            environment.getPropertySources().addLast(
                    new MapPropertySource("hailwayOtlpEndpoint", Map.of(BOOT_PROPERTY, endpoint.strip())));
        }
    }
}
