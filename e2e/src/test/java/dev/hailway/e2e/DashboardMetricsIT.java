package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.databind.JsonNode;

import dev.hailway.runtime.Platform;
import dev.hailway.runtime.PortSet;
import dev.hailway.runtime.Services;

/**
 * The dashboards and alert rules of deploy/dashboards against the running platform, in a real Prometheus (Debian's,
 * 2.42) that scrapes every service's {@code /actuator/prometheus}: every metric name they use is scraped, every
 * expression runs, and every alert rule loads and evaluates without an error.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardMetricsIT {

    private static final Path ROOT = Path.of(System.getProperty("hailway.repository.root", "..")).toAbsolutePath().normalize();
    private static final Path DASHBOARDS = ROOT.resolve("deploy/dashboards");
    private static final Path PROMETHEUS_BINARY = Path.of("/usr/bin/prometheus");

    private final Platform platform;
    private final Api api;
    private final Api prometheus = new Api("http://127.0.0.1:" + PortSet.END_TO_END_PROMETHEUS);
    private Process server;

    DashboardMetricsIT(Platform platform) {
        this.platform = platform;
        this.api = new Api(platform.gatewayUrl());
    }

    @BeforeAll
    void scrapeThePlatformAfterARide() throws IOException {
        // Some meters exist only once something happened: a ride to PAID and a cancelled one make the funnel's.
        Rides rides = new Rides(api);
        rides.takeAPaidRideAndCheckTheLedger(api.operatorToken(platform.operatorEmail(), platform.operatorPassword()));
        Rides.Rider rider = rides.riderWithCard("tok_visa");
        Rides.Point pickup = Rides.newPlace();
        Rides.Trip cancelled = rider.requestTrip(pickup, pickup.offset(0.02, 0.0));
        assertThat(rider.cancel(cancelled.id()).status()).isEqualTo(200);
        rider.awaitStatus(cancelled.id(), "CANCELLED");

        server = startPrometheus();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() ->
                assertThat(upTargets()).as("services Prometheus scrapes successfully").hasSize(Services.LOCAL.size()));
        // Two scrapes of each at least, so that rate() over the scraped samples has something to work on.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> Double.parseDouble(
                query("min(count_over_time(up[1m]))").path("data").path("result").path(0).path("value").path(1).asString("0")) >= 2);
    }

    @AfterAll
    void stopPrometheus() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void everyMetricADashboardOrAlertUsesIsScrapedFromThePlatform() {
        Set<String> scraped = new TreeSet<>();
        prometheus.get("/api/v1/label/__name__/values", null).json().path("data").forEach(name -> scraped.add(name.asString()));

        Map<String, Set<String>> missing = new LinkedHashMap<>();
        expressions().forEach((where, expression) -> {
            Set<String> names = new TreeSet<>(PromQl.metricNames(expression));
            names.removeAll(scraped);
            if (!names.isEmpty()) {
                missing.put(where + ": " + expression, names);
            }
        });
        assertThat(expressions()).as("expressions found in deploy/dashboards").hasSizeGreaterThan(20);
        assertThat(missing).as("metric names no service exposes (of %d scraped)", scraped.size()).isEmpty();
    }

    @Test
    void everyDashboardAndAlertExpressionRunsInPrometheus() {
        Map<String, String> failed = new LinkedHashMap<>();
        expressions().forEach((where, expression) -> {
            JsonNode answer = query(PromQl.runnable(expression));
            if (!answer.path("status").asString("").equals("success")) {
                failed.put(where + ": " + expression, answer.path("error").asString(answer.toString()));
            }
        });
        assertThat(failed).isEmpty();
    }

    @Test
    void everyAlertRuleLoadsAndEvaluatesWithoutAnError() {
        List<String> expected = new ArrayList<>(alertNames());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> loaded = new ArrayList<>();
            List<String> unhealthy = new ArrayList<>();
            for (JsonNode group : prometheus.get("/api/v1/rules?type=alert", null).json().path("data").path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    loaded.add(rule.path("name").asString());
                    if (!rule.path("health").asString().equals("ok")) {
                        unhealthy.add(rule.path("name").asString() + ": " + rule.path("health").asString() + " " + rule.path("lastError").asString(""));
                    }
                }
            }
            assertThat(loaded).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(unhealthy).isEmpty();
        });
    }

    // ---- deploy/dashboards

    /** Every expression of every Grafana panel and every rule, keyed by where it is. */
    private static Map<String, String> expressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        try (var files = Files.list(DASHBOARDS.resolve("grafana"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                collectTargets(file.getFileName().toString(), Api.JSON.readTree(Files.readString(file)), expressions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map<String, Object> rule : rules()) {
            String name = String.valueOf(rule.getOrDefault("alert", rule.get("record")));
            expressions.put("alerts.yaml " + name, String.valueOf(rule.get("expr")));
        }
        return expressions;
    }

    private static void collectTargets(String where, JsonNode node, Map<String, String> expressions) {
        if (node.isObject()) {
            if (node.has("expr") && node.get("expr").isString() && !node.get("expr").asString().isBlank()) {
                expressions.put(where + " " + node.path("refId").asString("") + " #" + expressions.size(), node.get("expr").asString());
            }
            node.properties().forEach(entry -> collectTargets(where, entry.getValue(), expressions));
        } else if (node.isArray()) {
            node.forEach(child -> collectTargets(where, child, expressions));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() {
        try {
            Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(DASHBOARDS.resolve("prometheus/alerts.yaml")));
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> alertNames() {
        return rules().stream().filter(rule -> rule.containsKey("alert")).map(rule -> String.valueOf(rule.get("alert"))).toList();
    }

    // ---- Prometheus

    private Process startPrometheus() throws IOException {
        assertThat(PROMETHEUS_BINARY).as("Debian's prometheus package (.ci/run installs it)").isExecutable();
        Path dir = ROOT.resolve("e2e/target/prometheus");
        PlatformExtension.RunningPlatform.deleteRecursively(dir);
        Files.createDirectories(dir.resolve("data"));
        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: 2s
                  evaluation_interval: 2s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: hailway
                    metrics_path: /actuator/prometheus
                    static_configs:
                """.formatted(DASHBOARDS.resolve("prometheus/alerts.yaml")));
        for (var service : Services.LOCAL) {
            // The address the service binds (127.0.0.1), not "localhost", which may resolve to ::1 first.
            int port = java.net.URI.create(platform.serviceUrl(service.name())).getPort();
            if (service.name().equals("gateway")) {
                port = PortSet.gatewayManagementPort(port);  // the gateway's metrics are on its management port only
            }
            config.append("      - targets: ['127.0.0.1:").append(port).append("']\n")
                    .append("        labels: {service: ").append(service.name()).append("}\n");
        }
        Files.writeString(dir.resolve("prometheus.yml"), config);
        return new ProcessBuilder(PROMETHEUS_BINARY.toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + PortSet.END_TO_END_PROMETHEUS)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
    }

    /** The services scraped successfully; the others' errors, as Prometheus reports them, in the failure. */
    private List<String> upTargets() {
        Api.Response targets = prometheus.get("/api/v1/targets?state=active", null);
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        for (JsonNode target : targets.json().path("data").path("activeTargets")) {
            String service = target.path("labels").path("service").asString();
            if (target.path("health").asString().equals("up")) {
                up.add(service);
            } else {
                down.add(service + ": " + target.path("health").asString() + " " + target.path("lastError").asString(""));
            }
        }
        assertThat(down).as("targets not scraped").isEmpty();
        return up;
    }

    private JsonNode query(String expression) {
        return prometheus.get("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8), null).json();
    }
}
