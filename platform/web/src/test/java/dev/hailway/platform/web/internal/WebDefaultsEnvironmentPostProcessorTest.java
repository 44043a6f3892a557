package dev.hailway.platform.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class WebDefaultsEnvironmentPostProcessorTest {

    private final WebDefaultsEnvironmentPostProcessor postProcessor = new WebDefaultsEnvironmentPostProcessor();

    @Test
    void exposesOnlyProbesMetricsAndDeadLettersAndNeverStackTraces() {
        MockEnvironment environment = process(new MockEnvironment());

        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health,info,prometheus,deadletters");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
        assertThat(environment.getProperty("spring.flyway.locations"))
                .isEqualTo("classpath:db/platform,classpath:db/migration");
    }

    @Test
    void leavesTheInternalEndpointsOutOfThePublicApiDocument() {
        assertThat(process(new MockEnvironment()).getProperty("springdoc.paths-to-exclude")).isEqualTo("/internal/**");
    }

    @Test
    void exportsTracesOnlyWhenAnEndpointIsSet() {
        MockEnvironment unset = process(new MockEnvironment());
        MockEnvironment set = process(new MockEnvironment()
                .withProperty("management.otlp.tracing.endpoint", "http://collector:4318/v1/traces"));

        assertThat(unset.getProperty("management.tracing.export.otlp.enabled")).isEqualTo("false");
        assertThat(set.getProperty("management.tracing.export.otlp.enabled")).isNull();
        assertThat(set.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(unset.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(unset.getProperty("management.otlp.metrics.export.enabled")).isEqualTo("false");
    }

    @Test
    void tagsEveryMeterWithTheServiceAndLeavesOutTheExemplarsOldPrometheusServersRefuse() {
        MockEnvironment environment = process(new MockEnvironment().withProperty("spring.application.name", "trips"));

        assertThat(environment.getProperty("management.metrics.tags.application")).isEqualTo("trips");
        assertThat(environment.getProperty("management.metrics.distribution.percentiles-histogram.http.server.requests"))
                .isEqualTo("true");
        assertThat(environment.getProperty("spring.autoconfigure.exclude"))
                .isEqualTo(WebDefaultsEnvironmentPostProcessor.PROMETHEUS_EXEMPLARS);
    }

    @Test
    void logsJsonUnlessAskedForPlainLogs() {
        assertThat(process(new MockEnvironment()).getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(process(new MockEnvironment().withProperty("hailway.logging.format", "plain"))
                .getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void letsTheServiceOverrideAnyDefault() {
        MockEnvironment environment = process(new MockEnvironment()
                .withProperty("management.endpoints.web.exposure.include", "health"));

        assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
    }

    private MockEnvironment process(MockEnvironment environment) {
        postProcessor.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
