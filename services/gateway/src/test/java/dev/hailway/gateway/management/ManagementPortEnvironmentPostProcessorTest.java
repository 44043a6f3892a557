package dev.hailway.gateway.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ManagementPortEnvironmentPostProcessorTest {

    @Test
    void putsTheManagementPortTenAboveThePublicOneOfEachPortSet() {
        assertThat(managementPort(Map.of())).isEqualTo("8090");
        assertThat(managementPort(Map.of("server.port", "8080"))).isEqualTo("8090");
        assertThat(managementPort(Map.of("server.port", "18080"))).isEqualTo("18090");
    }

    @Test
    void keepsAnExplicitManagementPort() {
        assertThat(managementPort(Map.of("server.port", "8080", "management.server.port", "9999"))).isEqualTo("9999");
    }

    @Test
    void keepsBothRandomWhenThePublicPortIsRandom() {
        assertThat(managementPort(Map.of("server.port", "0"))).isEqualTo("0");
    }

    @Test
    void bindsTheManagementPortWhereThePublicOneIsBound() {
        var environment = processed(Map.of("server.address", "127.0.0.1"));
        assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");

        assertThat(processed(Map.of()).containsProperty("management.server.address")).isFalse();
    }

    private static String managementPort(Map<String, Object> properties) {
        return processed(properties).getProperty("management.server.port");
    }

    private static StandardEnvironment processed(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new ManagementPortEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
