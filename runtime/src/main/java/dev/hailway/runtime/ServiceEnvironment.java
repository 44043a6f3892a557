package dev.hailway.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.hailway.platform.infra.DatabaseCredentials;
import dev.hailway.platform.infra.Secrets;

/** The environment variables of docs/CONVENTIONS.md that one service process is started with. */
public final class ServiceEnvironment {

    public static final String OPERATOR_EMAIL = "operator@hailway.local";
    /** Sign-ins a minute per address where one person (and the simulator) uses the platform: local mode, a dev cluster. */
    public static final int LOCAL_SIGN_INS_PER_MINUTE = 300;
    /** Services start in parallel and identity needs every secret: one writer at a time, so none reads a half file. */
    private static final Object SECRETS = new Object();

    private ServiceEnvironment() {
    }

    static Map<String, String> of(ServiceSpec service, List<ServiceSpec> all, Optional<DatabaseCredentials> database,
                                  String kafkaBootstrapServers, String operatorPassword, Path secretsDirectory) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(service.port()));
        // Loopback only, like PostgreSQL and Kafka: on a laptop, nothing of the platform is reachable from the network.
        env.put("SERVER_ADDRESS", "127.0.0.1");
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
        Optional<ServiceSpec> identity = all.stream().filter(s -> s.name().equals("identity")).findFirst();
        identity.ifPresent(found -> {
            env.put("HAILWAY_SECURITY_JWKS_URI", "http://localhost:" + found.port() + "/api/auth/jwks");
            if (isServiceClient(service)) {
                env.put("HAILWAY_SECURITY_SERVICE_CLIENT_ID", service.name());
                env.put("HAILWAY_SECURITY_SERVICE_CLIENT_SECRET", serviceSecret(secretsDirectory, service.name()));
                env.put("HAILWAY_SECURITY_SERVICE_TOKEN_URI",
                        "http://localhost:" + found.port() + "/internal/auth/service-token");
            }
        });
        for (ServiceSpec other : all) {
            if (!other.name().equals(service.name())) {
                env.put("HAILWAY_SERVICES_" + other.name().toUpperCase(Locale.ROOT) + "_URL",
                        "http://localhost:" + other.port());
            }
        }
        for (ServiceSpec target : all) {
            if (!target.name().equals("gateway")) {
                env.put("HAILWAY_GATEWAY_ROUTES_" + target.name().toUpperCase(Locale.ROOT), "http://localhost:" + target.port());
            }
        }
        if (service.name().equals("gateway")) {
            // Local mode is one person's machine, where `./hailway simulate` signs up a hundred accounts from
            // 127.0.0.1; the gateway's strict default (10 sign-ins a minute per address) stays for distributed mode.
            env.put("HAILWAY_GATEWAY_RATELIMIT_CREDENTIALS_CAPACITY", Integer.toString(LOCAL_SIGN_INS_PER_MINUTE));
            env.put("HAILWAY_GATEWAY_RATELIMIT_CREDENTIALS_REFILLTOKENS", Integer.toString(LOCAL_SIGN_INS_PER_MINUTE));
        }
        if (service.name().equals("identity")) {
            env.put("HAILWAY_IDENTITY_OPERATOR_EMAIL", OPERATOR_EMAIL);
            env.put("HAILWAY_IDENTITY_OPERATOR_PASSWORD", operatorPassword);
            // SERVICECLIENTS without an underscore: Spring reads each underscore as a dot, and only this form binds
            // to hailway.identity.service-clients.<name> (identity's ServiceClientSettingsTest).
            for (ServiceSpec client : all) {
                if (isServiceClient(client)) {
                    env.put("HAILWAY_IDENTITY_SERVICECLIENTS_" + client.name().toUpperCase(Locale.ROOT),
                            serviceSecret(secretsDirectory, client.name()));
                }
            }
        }
        return env;
    }

    /** The gateway faces the internet and never calls /internal/**, so it gets no way to a service token. */
    static boolean isServiceClient(ServiceSpec service) {
        return !service.name().equals("gateway");
    }

    /** Generated at the first start and kept (mode 600), so a restarted service and identity still agree. */
    static String serviceSecret(Path secretsDirectory, String service) {
        Path file = secretsDirectory.resolve("service-" + service + ".secret");
        synchronized (SECRETS) {
            String secret = Secrets.readOrCreate(file);
            if (secret.isBlank()) {
                // Left empty by a launcher that died while writing it.
                secret = Secrets.generatePassword();
                Secrets.write(file, secret);
            }
            return secret;
        }
    }
}
