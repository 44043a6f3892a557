package dev.hailway.chaos.check;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.hailway.platform.infra.DatabaseCredentials;

/** Reads a service's tables with that service's own credentials, as an auditor with read access would. */
final class Tables {

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final AuditSources sources;

    Tables(AuditSources sources) {
        this.sources = sources;
    }

    <T> List<T> query(String service, String sql, Row<T> row) {
        DatabaseCredentials credentials = sources.database(service);
        try (Connection connection = DriverManager.getConnection(credentials.url(), credentials.username(), credentials.password());
             var statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.read(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + service + "'s tables (" + sql + "): " + e.getMessage(), e);
        }
    }

    boolean hasTable(String service, String table) {
        return !query(service, "select 1 from pg_tables where schemaname = 'public' and tablename = '" + table + "'",
                rows -> rows.getInt(1)).isEmpty();
    }
}
