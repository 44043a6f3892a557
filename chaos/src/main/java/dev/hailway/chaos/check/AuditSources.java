package dev.hailway.chaos.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hailway.platform.infra.DatabaseCredentials;
import dev.hailway.platform.infra.Secrets;
import dev.hailway.runtime.LocalPlatform;
import dev.hailway.runtime.PlatformOptions;
import dev.hailway.runtime.ServiceSpec;

/**
 * Where an auditor reads the platform's state: every service's database with that service's own credentials, the
 * topics from the broker, and the public API as the operator.
 */
public record AuditSources(String gateway, String kafkaBootstrapServers, Map<String, DatabaseCredentials> databases,
                           String operatorEmail, String operatorPassword) {

    public AuditSources {
        databases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(databases));
    }

    public DatabaseCredentials database(String service) {
        DatabaseCredentials credentials = databases.get(service);
        if (credentials == null) {
            throw new IllegalArgumentException(service + " has no database");
        }
        return credentials;
    }

    /** A platform this JVM runs, e.g. the end-to-end suite's. */
    public static AuditSources of(LocalPlatform platform) {
        Map<String, DatabaseCredentials> databases = new LinkedHashMap<>();
        for (ServiceSpec service : platform.options().services()) {
            if (service.needsDatabase()) {
                databases.put(service.name(), platform.database(service.name()));
            }
        }
        return new AuditSources(platform.gatewayUrl(), platform.kafkaBootstrapServers(), databases, platform.operatorEmail(),
                platform.operatorPassword());
    }

    /** The platform {@code ./hailway up} runs from {@code options}: the passwords are the ones it keeps in its secrets. */
    public static AuditSources ofLauncher(PlatformOptions options, String operatorEmail) {
        Path secrets = options.secretsDirectory();
        Map<String, DatabaseCredentials> databases = new LinkedHashMap<>();
        for (ServiceSpec service : options.services()) {
            Path password = secrets.resolve("db-" + service.name() + ".password");
            if (service.needsDatabase() && Files.isRegularFile(password)) {
                databases.put(service.name(), new DatabaseCredentials("jdbc:postgresql://localhost:" + options.postgresPort() + "/"
                        + service.name(), service.name(), Secrets.read(password)));
            }
        }
        String gateway = "http://localhost:" + options.services().stream().filter(s -> s.name().equals("gateway"))
                .mapToInt(ServiceSpec::port).findFirst().orElse(8080);
        return new AuditSources(gateway, "localhost:" + options.kafkaPort(), databases, operatorEmail,
                Secrets.read(secrets.resolve("operator.password")));
    }

    public List<String> servicesWithDatabases() {
        return List.copyOf(databases.keySet());
    }
}
