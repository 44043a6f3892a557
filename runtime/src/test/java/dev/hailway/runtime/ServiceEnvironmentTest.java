package dev.hailway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import dev.hailway.platform.infra.DatabaseCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceEnvironmentTest {

    static final ServiceSpec IDENTITY = new ServiceSpec("identity", 8081, true, List.of());
    static final ServiceSpec GATEWAY = new ServiceSpec("gateway", 8080, false, List.of("identity"));
    static final ServiceSpec TRIPS = new ServiceSpec("trips", 8085, true, List.of());
    static final ServiceSpec DISPATCH = new ServiceSpec("dispatch", 8086, true, List.of());
    static final List<ServiceSpec> ALL = List.of(IDENTITY, GATEWAY, TRIPS, DISPATCH);

    @TempDir
    Path secrets;

    @Test
    void serviceWithADatabaseGetsItsOwnCredentials() {
        var credentials = new DatabaseCredentials("jdbc:postgresql://localhost:25432/trips", "trips", "s3cret");

        var env = ServiceEnvironment.of(TRIPS, ALL, Optional.of(credentials), "localhost:29092", "op", secrets);

        assertThat(env).containsEntry("SERVER_PORT", "8085")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:25432/trips")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "trips")
                .containsEntry("SPRING_DATASOURCE_PASSWORD", "s3cret")
                .containsEntry("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "5")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:29092")
                .containsEntry("HAILWAY_SECURITY_JWKS_URI", "http://localhost:8081/api/auth/jwks");
    }

    @Test
    void gatewayGetsARouteToEveryOtherServiceAndNoDatabase() {
        var env = ServiceEnvironment.of(GATEWAY, ALL, Optional.empty(), "localhost:29092", "op", secrets);

        assertThat(env).containsEntry("SERVER_PORT", "8080")
                .containsEntry("HAILWAY_GATEWAY_ROUTES_IDENTITY", "http://localhost:8081")
                .containsEntry("HAILWAY_GATEWAY_RATELIMIT_CREDENTIALS_CAPACITY", "300")
                .containsEntry("HAILWAY_GATEWAY_RATELIMIT_CREDENTIALS_REFILLTOKENS", "300")
                .containsEntry("HAILWAY_GATEWAY_ROUTES_TRIPS", "http://localhost:8085")
                .doesNotContainKey("HAILWAY_GATEWAY_ROUTES_GATEWAY")
                .doesNotContainKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE");
    }

    @Test
    void onlyIdentityLearnsTheOperatorPassword() {
        var identity = ServiceEnvironment.of(IDENTITY, ALL, Optional.empty(), "localhost:29092", "op-pass", secrets);
        var trips = ServiceEnvironment.of(TRIPS, ALL, Optional.empty(), "localhost:29092", "op-pass", secrets);

        assertThat(identity).containsEntry("HAILWAY_IDENTITY_OPERATOR_EMAIL", "operator@hailway.local")
                .containsEntry("HAILWAY_IDENTITY_OPERATOR_PASSWORD", "op-pass");
        assertThat(trips).doesNotContainKeys("HAILWAY_IDENTITY_OPERATOR_EMAIL", "HAILWAY_IDENTITY_OPERATOR_PASSWORD");
    }

    @Test
    void eachServiceGetsItsClientCredentialsAndIdentityTheMatchingSecrets() throws Exception {
        var dispatch = ServiceEnvironment.of(DISPATCH, ALL, Optional.empty(), "localhost:29092", "op", secrets);
        var trips = ServiceEnvironment.of(TRIPS, ALL, Optional.empty(), "localhost:29092", "op", secrets);
        var identity = ServiceEnvironment.of(IDENTITY, ALL, Optional.empty(), "localhost:29092", "op", secrets);

        assertThat(dispatch).containsEntry("HAILWAY_SECURITY_SERVICE_CLIENT_ID", "dispatch")
                .containsEntry("HAILWAY_SECURITY_SERVICE_TOKEN_URI", "http://localhost:8081/internal/auth/service-token");
        String dispatchSecret = dispatch.get("HAILWAY_SECURITY_SERVICE_CLIENT_SECRET");
        String tripsSecret = trips.get("HAILWAY_SECURITY_SERVICE_CLIENT_SECRET");
        assertThat(dispatchSecret).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(tripsSecret);
        assertThat(identity).containsEntry("HAILWAY_IDENTITY_SERVICECLIENTS_DISPATCH", dispatchSecret)
                .containsEntry("HAILWAY_IDENTITY_SERVICECLIENTS_TRIPS", tripsSecret)
                .containsKey("HAILWAY_IDENTITY_SERVICECLIENTS_IDENTITY")
                .doesNotContainKey("HAILWAY_IDENTITY_SERVICECLIENTS_GATEWAY");
        assertThat(dispatch.keySet()).noneMatch(key -> key.startsWith("HAILWAY_IDENTITY_SERVICECLIENTS_"));

        Path file = secrets.resolve("service-dispatch.secret");
        assertThat(Files.readString(file)).isEqualTo(dispatchSecret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theSecretsSurviveARestart() {
        String first = ServiceEnvironment.of(DISPATCH, ALL, Optional.empty(), "localhost:29092", "op", secrets)
                .get("HAILWAY_SECURITY_SERVICE_CLIENT_SECRET");

        String again = ServiceEnvironment.of(DISPATCH, ALL, Optional.empty(), "localhost:29092", "op", secrets)
                .get("HAILWAY_SECURITY_SERVICE_CLIENT_SECRET");

        assertThat(again).isEqualTo(first);
    }

    @Test
    void anEmptySecretFileIsReplaced() throws Exception {
        Files.createDirectories(secrets);
        Files.writeString(secrets.resolve("service-trips.secret"), "");

        String secret = ServiceEnvironment.serviceSecret(secrets, "trips");

        assertThat(secret).hasSizeGreaterThanOrEqualTo(16);
        assertThat(Files.readString(secrets.resolve("service-trips.secret"))).isEqualTo(secret);
    }

    @Test
    void theGatewayGetsNoServiceCredentials() {
        var gateway = ServiceEnvironment.of(GATEWAY, ALL, Optional.empty(), "localhost:29092", "op", secrets);

        assertThat(gateway).doesNotContainKeys("HAILWAY_SECURITY_SERVICE_CLIENT_ID",
                "HAILWAY_SECURITY_SERVICE_CLIENT_SECRET", "HAILWAY_SECURITY_SERVICE_TOKEN_URI");
        assertThat(secrets.resolve("service-gateway.secret")).doesNotExist();
    }

    @Test
    void everyServiceLearnsTheAddressOfEveryOther() {
        var dispatch = ServiceEnvironment.of(DISPATCH, ALL, Optional.empty(), "localhost:29092", "op", secrets);

        assertThat(dispatch).containsEntry("HAILWAY_SERVICES_IDENTITY_URL", "http://localhost:8081")
                .containsEntry("HAILWAY_SERVICES_TRIPS_URL", "http://localhost:8085")
                .containsEntry("HAILWAY_SERVICES_GATEWAY_URL", "http://localhost:8080")
                .doesNotContainKey("HAILWAY_SERVICES_DISPATCH_URL");
    }
}
