package dev.hailway.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class OtlpEndpointEnvironmentPostProcessorTest {

    private final OtlpEndpointEnvironmentPostProcessor processor = new OtlpEndpointEnvironmentPostProcessor();

    @Test
    void turnsTheConventionalVariableIntoBootsExporterEndpoint() {
        var environment = new MockEnvironment()
                .withProperty(OtlpEndpointEnvironmentPostProcessor.CONVENTION, "http://collector:4318/v1/traces");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(OtlpEndpointEnvironmentPostProcessor.BOOT_PROPERTY))
                .isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void leavesTracingExportOffWhenTheVariableIsUnsetOrBlank() {
        var unset = new MockEnvironment();
        var blank = new MockEnvironment().withProperty(OtlpEndpointEnvironmentPostProcessor.CONVENTION, " ");

        processor.postProcessEnvironment(unset, new SpringApplication());
        processor.postProcessEnvironment(blank, new SpringApplication());

        assertThat(unset.containsProperty(OtlpEndpointEnvironmentPostProcessor.BOOT_PROPERTY)).isFalse();
        assertThat(blank.containsProperty(OtlpEndpointEnvironmentPostProcessor.BOOT_PROPERTY)).isFalse();
    }
}
