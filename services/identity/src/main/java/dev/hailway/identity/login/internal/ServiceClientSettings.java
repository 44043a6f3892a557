package dev.hailway.identity.login.internal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hailway.identity.service-clients.<name>=<secret>}. From the environment the variable is
 * {@code HAILWAY_IDENTITY_SERVICECLIENTS_<NAME>} (no underscore inside {@code SERVICECLIENTS}): Spring maps every
 * underscore to a dot, and {@code HAILWAY_IDENTITY_SERVICE_CLIENTS_<NAME>} would be {@code service.clients.<name>},
 * which does not bind to the map ({@code ServiceClientSettingsTest}).
 */
@ConfigurationProperties("hailway.identity")
record ServiceClientSettings(@DefaultValue Map<String, String> serviceClients) {

    @Override
    public String toString() {
        return "ServiceClientSettings" + serviceClients.keySet();
    }
}
