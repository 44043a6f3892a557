package dev.hailway.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.hailway.platform.infra.DatabaseCredentials;

/** The environment variables of docs/CONVENTIONS.md that one service process is started with. */
final class ServiceEnvironment {

    static final String OPERATOR_EMAIL = "operator@hailway.local";

    private ServiceEnvironment() {
    }

    static Map<String, String> of(ServiceSpec service, List<ServiceSpec> all, Optional<DatabaseCredentials> database,
                                  String kafkaBootstrapServers, String operatorPassword) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(service.port()));
        database.ifPresent(credentials -> {
            env.put("SPRING_DATASOURCE_URL", credentials.url());
            env.put("SPRING_DATASOURCE_USERNAME", credentials.username());
            env.put("SPRING_DATASOURCE_PASSWORD", credentials.password());
            // One local PostgreSQL serves every service: Hikari's ten idle connections each would mean some eighty
            // backend processes for a platform that is mostly idle.
            env.put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "5");
            env.put("SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE", "1");
        });
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        all.stream().filter(s -> s.name().equals("identity")).findFirst().ifPresent(identity ->
                env.put("HAILWAY_SECURITY_JWKS_URI", "http://localhost:" + identity.port() + "/api/auth/jwks"));
        for (ServiceSpec target : all) {
            if (!target.name().equals("gateway")) {
                env.put("HAILWAY_GATEWAY_ROUTES_" + target.name().toUpperCase(Locale.ROOT), "http://localhost:" + target.port());
            }
        }
        if (service.name().equals("identity")) {
            env.put("HAILWAY_IDENTITY_OPERATOR_EMAIL", OPERATOR_EMAIL);
            env.put("HAILWAY_IDENTITY_OPERATOR_PASSWORD", operatorPassword);
        }
        return env;
    }
}
