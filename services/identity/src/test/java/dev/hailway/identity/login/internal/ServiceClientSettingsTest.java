package dev.hailway.identity.login.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Which environment variable the launcher must use for a service's secret: Spring's mapping decides, not taste. */
class ServiceClientSettingsTest {

    @Test
    void bindsFromHailwayIdentityServiceClientsWithoutAnUnderscoreInside() {
        var settings = bind(Map.of(
                "HAILWAY_IDENTITY_SERVICECLIENTS_DISPATCH", "dispatch-secret",
                "HAILWAY_IDENTITY_SERVICECLIENTS_TRIPS", "trips-secret"));

        assertThat(settings.serviceClients())
                .containsExactlyInAnyOrderEntriesOf(Map.of("dispatch", "dispatch-secret", "trips", "trips-secret"));
    }

    @Test
    void anUnderscoreInsideServiceClientsDoesNotBind() {
        var settings = bind(Map.of("HAILWAY_IDENTITY_SERVICE_CLIENTS_DISPATCH", "dispatch-secret"));

        assertThat(settings.serviceClients()).isEmpty();
    }

    @Test
    void theSecretsAreNotPrinted() {
        var settings = bind(Map.of("HAILWAY_IDENTITY_SERVICECLIENTS_DISPATCH", "dispatch-secret"));

        assertThat(settings.toString()).contains("dispatch").doesNotContain("dispatch-secret");
    }

    private static ServiceClientSettings bind(Map<String, Object> environment) {
        var source = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                environment);
        return new Binder(ConfigurationPropertySources.from(source))
                .bindOrCreate("hailway.identity", ServiceClientSettings.class);
    }
}
