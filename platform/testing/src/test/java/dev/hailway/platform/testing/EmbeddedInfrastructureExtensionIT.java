package dev.hailway.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.hailway.platform.infra.DatabaseCredentials;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

@EmbeddedInfrastructure(database = "ledger")
class EmbeddedInfrastructureExtensionIT {

    @Test
    void plainTestGetsADatabaseItsRoleCanOpen(DatabaseCredentials credentials) throws Exception {
        try (Connection connection = DriverManager.getConnection(credentials.url(), credentials.username(), credentials.password());
             ResultSet rows = connection.createStatement().executeQuery("SELECT current_user")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(credentials.username()).startsWith("ledger_");
        }
    }

    @Test
    void sameTestClassGetsTheSameDatabaseInEveryMethod(DatabaseCredentials first, DatabaseCredentials second) {
        assertThat(second).isEqualTo(first);
    }

    @Test
    void plainTestReachesTheBroker(KafkaBootstrapServers bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.value()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }
}
