package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

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
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("simulator/target/simulator.jar").toString(),
                "--gateway", platform.gatewayUrl(), "--drivers", "12", "--riders", "25", "--rate", "120", "--trips", "50",
                "--duration", "60s", "--drain", "120s", "--report-every", "10s", "--seed", "7")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();

        boolean finished = simulator.waitFor(6, TimeUnit.MINUTES);
        if (!finished) {
            simulator.destroyForcibly();
        }

        String printed = read(output);
        assertThat(finished).as("the simulator finished:\n" + printed).isTrue();
        assertThat(simulator.exitValue()).as("no unexpected error and every trip terminal:\n" + printed).isZero();
        String operator = api.operatorToken(platform.operatorEmail(), platform.operatorPassword());
        List<JsonNode> paid = trips(operator, "PAID");
        assertThat(paid).as("the rush paid for some rides:\n" + printed).isNotEmpty();
        for (JsonNode trip : paid) {
            UUID tripId = UUID.fromString(trip.get("tripId").asString());
            List<JsonNode> entries = Rides.ledgerEntries(api, operator, tripId);
            assertThat(entries).extracting(entry -> entry.get("kind").asString()).as("trip " + tripId).containsExactly("FARE_CAPTURE");
            assertThat(entries).allSatisfy(entry -> assertThat(entry.get("sum").get("amount").asLong()).isZero());
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(historyByStatus(operator)).isEqualTo(tripsByStatus(operator)));
    }

    private List<JsonNode> trips(String operator, String status) {
        Api.Response trips = api.get("/api/trips?status=" + status + "&limit=100", operator);
        assertThat(trips.status()).as(trips.toString()).isEqualTo(200);
        List<JsonNode> list = trips.json().valueStream().toList();
        assertThat(list).as("fewer than the list's limit, so the count is complete").hasSizeLessThan(100);
        return list;
    }

    private Map<String, Long> tripsByStatus(String operator) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : STATUSES) {
            long count = trips(operator, status).size();
            if (count > 0) {
                counts.put(status, count);
            }
        }
        return counts;
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
