package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

import dev.hailway.platform.infra.DatabaseCredentials;
import dev.hailway.runtime.Platform;

/**
 * The simulator's riders and drivers, run as a user runs them ({@code java -jar simulator.jar}), against the suite's
 * platform; then, after the quiet period, the operator's books: every trip ended, every paid trip captured once, every
 * journal entry summing to zero, and the read side agreeing with the trips.
 */
@ExtendWith(PlatformExtension.class)
class SimulatedTrafficIT {

    private static final List<String> STATUSES = List.of("REQUESTED", "PAYMENT_AUTHORIZED", "DRIVER_ASSIGNED",
            "DRIVER_ARRIVED", "IN_PROGRESS", "COMPLETED", "PAID", "CANCELLED");

    private static final int TRIPS = 200;

    private final Platform platform;
    private final Api api;

    SimulatedTrafficIT(Platform platform) {
        this.platform = platform;
        this.api = new Api(platform.gatewayUrl());
    }

    @Test
    void afterASimulatedRushEveryTripHasEndedAndTheBooksAgree() throws Exception {
        Path root = Path.of(System.getProperty("hailway.repository.root", "..")).toAbsolutePath().normalize();
        Path output = root.resolve("e2e/target/simulator.log");
        // A few hundred trips, at times more than the drivers can take at once, so riders also wait, cancel and run
        // into the dispatch deadline (25 s in this suite) while others ride. Polls every 2 s: on the 2-core build
        // machine, 40 riders polling twice a second at 12 JVMs would measure the machine rather than the platform.
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("simulator/target/simulator.jar").toString(),
                "--gateway", platform.gatewayUrl(), "--drivers", "30", "--riders", "40", "--rate", "120",
                "--trips", String.valueOf(TRIPS), "--poll-every", "2s", "--duration", "240s", "--drain", "150s",
                "--report-every", "15s", "--seed", "7")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();

        boolean finished = simulator.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            simulator.destroyForcibly();
        }

        String printed = read(output);
        assertThat(finished).as("the simulator finished:\n" + printed).isTrue();
        assertThat(simulator.exitValue()).as("no unexpected error and every trip terminal:\n" + printed).isZero();
        String operator = api.operatorToken(platform.operatorEmail(), platform.operatorPassword());
        // Every trip is terminal now (the simulator checked), so these lists no longer change.
        Map<String, List<String>> tripIds = tripIdsByStatus(operator);
        assertThat(tripIds.values().stream().mapToInt(List::size).sum()).as(printed).isGreaterThanOrEqualTo(TRIPS);
        Set<UUID> paid = tripIds.getOrDefault("PAID", List.of()).stream().map(UUID::fromString).collect(toSet());
        assertThat(paid).as("the rush paid for many rides:\n" + printed).hasSizeGreaterThan(TRIPS / 4);

        // The books, read as an auditor with payments' database credentials would: one capture for each paid trip
        // and for no other, and every journal entry balanced.
        assertThat(capturesByTrip()).as("fare captures by trip").isEqualTo(paid.stream().collect(toMap(id -> id, id -> 1L)));
        assertThat(unbalancedEntries()).isEmpty();
        // And as the operator sees them through the gateway, for a sample (the operator's own rate limit is tight).
        for (UUID tripId : paid.stream().limit(10).toList()) {
            List<JsonNode> entries = Rides.ledgerEntries(api, operator, tripId);
            assertThat(entries).extracting(entry -> entry.get("kind").asString()).as("trip " + tripId).containsExactly("FARE_CAPTURE");
            assertThat(entries).allSatisfy(entry -> assertThat(entry.get("sum").get("amount").asLong()).isZero());
        }

        Map<String, Long> tripsByStatus = new LinkedHashMap<>();
        tripIds.forEach((status, ids) -> tripsByStatus.put(status, (long) ids.size()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(historyByStatus(operator)).isEqualTo(tripsByStatus));
    }

    /** Every trip id in every status that has any, following the operators' list from page to page. */
    private Map<String, List<String>> tripIdsByStatus(String operator) {
        Map<String, List<String>> byStatus = new LinkedHashMap<>();
        for (String status : STATUSES) {
            List<String> ids = new ArrayList<>();
            String next = "/api/trips?status=" + status + "&limit=100";
            while (next != null) {
                Api.Response page = api.get(next, operator);
                assertThat(page.status()).as(page.toString()).isEqualTo(200);
                page.json().valueStream().map(trip -> trip.get("tripId").asString()).forEach(ids::add);
                String link = page.header("Link");
                next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            }
            assertThat(ids).as(status).doesNotHaveDuplicates();
            if (!ids.isEmpty()) {
                byStatus.put(status, ids);
            }
        }
        return byStatus;
    }

    private Map<UUID, Long> capturesByTrip() throws SQLException {
        Map<UUID, Long> captures = new HashMap<>();
        query("select trip_id, count(*) from journal_entries where kind = 'FARE_CAPTURE' group by trip_id",
                rows -> captures.put(rows.getObject(1, UUID.class), rows.getLong(2)));
        return captures;
    }

    private List<String> unbalancedEntries() throws SQLException {
        List<String> unbalanced = new ArrayList<>();
        query("select entry_id, currency from journal_lines group by entry_id, currency having sum(amount) <> 0",
                rows -> unbalanced.add(rows.getString(1) + " " + rows.getString(2)));
        return unbalanced;
    }

    private void query(String sql, RowReader reader) throws SQLException {
        DatabaseCredentials payments = platform.database("payments");
        try (Connection connection = DriverManager.getConnection(payments.url(), payments.username(), payments.password());
             var statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private Map<String, Long> historyByStatus(String operator) {
        Api.Response stats = api.get("/api/ops/stats", operator);
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : STATUSES) {
            JsonNode count = stats.json().get("tripsByStatus").get(status);
            if (count != null && count.asLong() > 0) {
                counts.put(status, count.asLong());
            }
        }
        return counts;
    }

    private static String read(Path output) throws IOException {
        return Files.exists(output) ? Files.readString(output) : "(no output)";
    }
}
