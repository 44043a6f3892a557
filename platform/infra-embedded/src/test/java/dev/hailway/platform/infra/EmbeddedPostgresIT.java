package dev.hailway.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresIT {

    @TempDir
    static Path base;

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = EmbeddedPostgres.start(FreePorts.any(), base.resolve("postgres"), base.resolve("secrets"));
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void serviceRoleCreatesTablesAndWritesRowsInItsOwnDatabase() throws SQLException {
        DatabaseCredentials alpha = postgres.ensureServiceDatabase("alpha");

        try (Connection connection = connect(alpha); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE rides (id int PRIMARY KEY)");
            sql.execute("INSERT INTO rides VALUES (7)");
            try (ResultSet rows = sql.executeQuery("SELECT id FROM rides")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(7);
            }
        }
        assertThat(alpha.url()).endsWith("/alpha");
        assertThat(alpha.username()).isEqualTo("alpha");
    }

    @Test
    void serviceRoleCannotOpenAnotherServicesDatabase() {
        DatabaseCredentials alpha = postgres.ensureServiceDatabase("alpha");
        DatabaseCredentials bravo = postgres.ensureServiceDatabase("bravo");

        assertThatThrownBy(() -> DriverManager.getConnection(bravo.url(), alpha.username(), alpha.password()).close())
                .isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).as("insufficient_privilege").isEqualTo("42501"));
    }

    @Test
    void wrongPasswordIsRejected() {
        DatabaseCredentials alpha = postgres.ensureServiceDatabase("alpha");

        assertThatThrownBy(() -> DriverManager.getConnection(alpha.url(), alpha.username(), "not-the-password").close())
                .isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).as("invalid_password").isEqualTo("28P01"));
    }

    @Test
    void superuserNeedsItsPasswordToo() {
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void servicePasswordIsKeptInAFileOnlyItsOwnerCanRead() throws Exception {
        DatabaseCredentials charlie = postgres.ensureServiceDatabase("charlie");

        Path file = base.resolve("secrets/db-charlie.password");
        assertThat(Files.readString(file)).isEqualTo(charlie.password());
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(postgres.ensureServiceDatabase("charlie").password()).isEqualTo(charlie.password());
    }

    @Test
    void dataAndPasswordsSurviveAStopAndStartOnTheSameDirectory(@TempDir Path dir) throws SQLException {
        int port = FreePorts.any();
        DatabaseCredentials first;
        try (var server = EmbeddedPostgres.start(port, dir.resolve("postgres"), dir.resolve("secrets"))) {
            first = server.ensureServiceDatabase("trips");
            try (Connection connection = connect(first); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE trips (id int)");
                sql.execute("INSERT INTO trips VALUES (42)");
            }
        }

        try (var server = EmbeddedPostgres.start(port, dir.resolve("postgres"), dir.resolve("secrets"))) {
            DatabaseCredentials again = server.ensureServiceDatabase("trips");
            assertThat(again.password()).isEqualTo(first.password());
            try (Connection connection = connect(again); Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT id FROM trips")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
    }

    private static Connection connect(DatabaseCredentials credentials) throws SQLException {
        return DriverManager.getConnection(credentials.url(), credentials.username(), credentials.password());
    }
}
