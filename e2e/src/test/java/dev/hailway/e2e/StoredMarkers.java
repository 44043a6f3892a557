package dev.hailway.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.hailway.platform.infra.DatabaseCredentials;
import dev.hailway.runtime.Platform;

/**
 * Looks for request markers in every row of every table of every service's database, with each service's own
 * credentials, as an auditor would: a row's text form ({@code t::text}) holds all its columns, JSON and event payloads
 * included.
 */
final class StoredMarkers {

    private final Platform platform;

    StoredMarkers(Platform platform) {
        this.platform = platform;
    }

    /** Of {@code wanted}, the markers (matching {@code pattern}) found, each with the tables that hold it. */
    Map<String, Set<String>> find(String pattern, Collection<String> wanted) {
        Set<String> lookingFor = Set.copyOf(wanted);
        Map<String, Set<String>> found = new TreeMap<>();
        for (String service : PublicOperations.SERVICES) {
            DatabaseCredentials db;
            try {
                db = platform.database(service);
            } catch (IllegalArgumentException noDatabase) {
                continue;
            }
            try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password())) {
                for (String table : tables(connection)) {
                    try (var statement = connection.prepareStatement(
                            "select distinct (regexp_matches(t::text, ?, 'g'))[1] from " + table + " t")) {
                        statement.setString(1, "(" + pattern + ")");
                        try (var rows = statement.executeQuery()) {
                            while (rows.next()) {
                                String marker = rows.getString(1);
                                if (lookingFor.contains(marker)) {
                                    found.computeIfAbsent(marker, m -> new TreeSet<>()).add(service + "." + table);
                                }
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(service + "'s database", e);
            }
        }
        return found;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String schema = rows.getString("TABLE_SCHEM");
                if (!schema.equals("pg_catalog") && !schema.equals("information_schema")) {
                    tables.add("\"" + schema + "\".\"" + rows.getString("TABLE_NAME") + "\"");
                }
            }
        }
        return tables;
    }
}
