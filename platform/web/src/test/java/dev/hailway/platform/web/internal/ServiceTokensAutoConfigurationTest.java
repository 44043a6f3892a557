package dev.hailway.platform.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import dev.hailway.platform.web.ServiceClientProperties;
import dev.hailway.platform.web.ServiceTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The launcher passes environment variables; these tests put exactly those names in a system-environment source. */
class ServiceTokensAutoConfigurationTest {

    private static final Map<String, Object> LAUNCHER_ENVIRONMENT = Map.of(
            "HAILWAY_SECURITY_SERVICE_CLIENT_ID", "dispatch",
            "HAILWAY_SECURITY_SERVICE_CLIENT_SECRET", "dispatch-secret",
            "HAILWAY_SECURITY_SERVICE_TOKEN_URI", "http://localhost:8081/internal/auth/service-token");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ServiceTokensAutoConfiguration.class));

    @Test
    void theLaunchersEnvironmentVariablesBindAndGiveAServiceTokens() {
        withEnvironment(LAUNCHER_ENVIRONMENT).run(context -> {
            assertThat(context).hasSingleBean(ServiceTokens.class);
            var properties = context.getBean(ServiceClientProperties.class);
            assertThat(properties.clientId()).isEqualTo("dispatch");
            assertThat(properties.clientSecret()).isEqualTo("dispatch-secret");
            assertThat(properties.tokenUri()).isEqualTo(URI.create("http://localhost:8081/internal/auth/service-token"));
            assertThat(properties.timeout()).hasSeconds(2);
            assertThat(properties.toString()).doesNotContain("dispatch-secret");
        });
    }

    @Test
    void withoutAllThreeThereIsNone() {
        for (String left : LAUNCHER_ENVIRONMENT.keySet()) {
            Map<String, Object> partial = new HashMap<>(LAUNCHER_ENVIRONMENT);
            partial.remove(left);
            withEnvironment(partial).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(ServiceTokens.class);
            });
        }
    }

    @Test
    void propertiesInApplicationYamlWorkToo() {
        runner.withPropertyValues("hailway.security.service.client-id=trips",
                        "hailway.security.service.client-secret=trips-secret",
                        "hailway.security.service.token-uri=http://identity/internal/auth/service-token")
                .run(context -> assertThat(context).hasSingleBean(ServiceTokens.class));
    }

    private ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return runner.withInitializer(context -> {
            var sources = context.getEnvironment().getPropertySources();
            sources.addFirst(new SystemEnvironmentPropertySource(
                    "launcher-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
            ConfigurationPropertySources.attach(context.getEnvironment());
        });
    }
}
