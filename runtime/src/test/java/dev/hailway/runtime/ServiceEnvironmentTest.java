package dev.hailway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import dev.hailway.platform.infra.DatabaseCredentials;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    static final ServiceSpec IDENTITY = new ServiceSpec("identity", 8081, true, List.of());
    static final ServiceSpec GATEWAY = new ServiceSpec("gateway", 8080, false, List.of("identity"));
    static final ServiceSpec TRIPS = new ServiceSpec("trips", 8085, true, List.of());
    static final List<ServiceSpec> ALL = List.of(IDENTITY, GATEWAY, TRIPS);

    @Test
    void serviceWithADatabaseGetsItsOwnCredentials() {
        var credentials = new DatabaseCredentials("jdbc:postgresql://localhost:54329/trips", "trips", "s3cret");

        var env = ServiceEnvironment.of(TRIPS, ALL, Optional.of(credentials), "localhost:29092", "op");

        assertThat(env).containsEntry("SERVER_PORT", "8085")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:54329/trips")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "trips")
                .containsEntry("SPRING_DATASOURCE_PASSWORD", "s3cret")
                .containsEntry("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "5")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:29092")
                .containsEntry("HAILWAY_SECURITY_JWKS_URI", "http://localhost:8081/api/auth/jwks");
    }

    @Test
    void gatewayGetsARouteToEveryOtherServiceAndNoDatabase() {
        var env = ServiceEnvironment.of(GATEWAY, ALL, Optional.empty(), "localhost:29092", "op");

        assertThat(env).containsEntry("SERVER_PORT", "8080")
                .containsEntry("HAILWAY_GATEWAY_ROUTES_IDENTITY", "http://localhost:8081")
                .containsEntry("HAILWAY_GATEWAY_ROUTES_TRIPS", "http://localhost:8085")
                .doesNotContainKey("HAILWAY_GATEWAY_ROUTES_GATEWAY")
                .doesNotContainKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE");
    }

    @Test
    void onlyIdentityLearnsTheOperatorPassword() {
        var identity = ServiceEnvironment.of(IDENTITY, ALL, Optional.empty(), "localhost:29092", "op-pass");
        var trips = ServiceEnvironment.of(TRIPS, ALL, Optional.empty(), "localhost:29092", "op-pass");

        assertThat(identity).containsEntry("HAILWAY_IDENTITY_OPERATOR_EMAIL", "operator@hailway.local")
                .containsEntry("HAILWAY_IDENTITY_OPERATOR_PASSWORD", "op-pass");
        assertThat(trips).doesNotContainKeys("HAILWAY_IDENTITY_OPERATOR_EMAIL", "HAILWAY_IDENTITY_OPERATOR_PASSWORD");
    }
}
