package dev.hailway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * deploy/dashboards, the hand-written source the observability component copies: dashboards that Grafana can load
 * and whose every panel asks Prometheus something, and alert rules an operator can act on, each with its runbook.
 */
class DashboardsTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");
    private static final String RUNBOOKS = "https://github.com/hailway/hailway/blob/main/deploy/dashboards/README.md#";

    @Test
    void everyDashboardIsJsonWithAUidATitleAndAnExpressionInEveryPanel() {
        List<Path> files = Dashboards.files();
        assertThat(files).extracting(f -> f.getFileName().toString())
                .contains("hailway-overview.json", "hailway-ride-funnel.json", "hailway-services.json", "hailway-kafka.json");
        Set<String> uids = new HashSet<>();
        for (Path file : files) {
            JsonNode dashboard = Dashboards.read(file);
            String name = file.getFileName().toString();
            assertThat(dashboard.path("uid").asText()).as("%s: uid", name).isNotBlank();
            assertThat(uids.add(dashboard.path("uid").asText())).as("%s: a uid of its own", name).isTrue();
            assertThat(dashboard.path("title").asText()).as("%s: title", name).isNotBlank();
            assertThat(dashboard.path("schemaVersion").asInt()).as("%s: schemaVersion", name).isGreaterThanOrEqualTo(39);
            List<JsonNode> panels = Dashboards.panels(dashboard).stream().filter(p -> !p.path("type").asText().equals("row")).toList();
            assertThat(panels).as("%s: panels", name).isNotEmpty();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : panels) {
                String where = name + " \"" + panel.path("title").asText() + "\"";
                assertThat(panel.path("title").asText()).as("%s: title", where).isNotBlank();
                assertThat(ids.add(panel.path("id").asInt())).as("%s: an id of its own", where).isTrue();
                assertThat(panel.path("gridPos").path("w").asInt()).as("%s: a place on the grid", where).isPositive();
                assertThat(panel.path("targets")).as("%s: targets", where).isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asText()).as("%s: expression", where).isNotBlank();
                    JsonNode datasource = target.has("datasource") ? target.path("datasource") : panel.path("datasource");
                    assertThat(datasource.path("uid").asText()).as("%s: the provisioned Prometheus", where).isEqualTo("prometheus");
                }
            }
        }
    }

    /** Grafana's own $__rate_interval and a dashboard's own variables; anything else would reach Prometheus as text. */
    @Test
    void theExpressionsUseOnlyTheRateIntervalAndTheServiceVariableOfTheirOwnDashboard() {
        for (Path file : Dashboards.files()) {
            JsonNode dashboard = Dashboards.read(file);
            Set<String> defined = new TreeSet<>(Set.of("__rate_interval"));
            dashboard.path("templating").path("list").forEach(variable -> defined.add(variable.path("name").asText()));
            for (JsonNode panel : Dashboards.panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    Matcher variables = VARIABLE.matcher(target.path("expr").asText());
                    while (variables.find()) {
                        assertThat(variables.group(1)).as("%s \"%s\": %s", file.getFileName(), panel.path("title").asText(),
                                target.path("expr").asText()).isIn(defined).isIn("__rate_interval", "service");
                    }
                }
            }
        }
    }

    @Test
    void theServicesDashboardPicksServicesByTheApplicationLabelAndFiltersEveryPanelByThem() {
        JsonNode dashboard = Dashboards.read(Dashboards.GRAFANA.resolve("hailway-services.json"));
        JsonNode service = dashboard.path("templating").path("list").get(0);

        assertThat(service.path("name").asText()).isEqualTo("service");
        assertThat(service.path("query").path("query").asText()).matches("label_values\\(\\w+, application\\)");
        assertThat(service.path("multi").asBoolean()).isTrue();
        assertThat(service.path("includeAll").asBoolean()).isTrue();
        for (JsonNode panel : Dashboards.panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as(panel.path("title").asText()).contains("application=~\"$service\"");
            }
        }
    }

    @Test
    void everyAlertHasASeverityASummaryADescriptionAndARunbookSectionInTheReadme() throws IOException {
        Set<String> anchors = anchors(Files.readString(Dashboards.README));
        List<Map<String, Object>> alerts = Dashboards.rules().stream().filter(r -> r.containsKey("alert")).toList();
        assertThat(alerts).isNotEmpty();
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            @SuppressWarnings("unchecked") Map<String, Object> labels = (Map<String, Object>) alert.getOrDefault("labels", Map.of());
            @SuppressWarnings("unchecked") Map<String, Object> annotations = (Map<String, Object>) alert.getOrDefault("annotations", Map.of());
            assertThat(labels.get("severity")).as("%s: severity", name).isIn("critical", "warning");
            assertThat((String) annotations.get("summary")).as("%s: summary", name).isNotBlank();
            assertThat((String) annotations.get("description")).as("%s: description", name).isNotBlank();
            String runbook = (String) annotations.get("runbook_url");
            assertThat(runbook).as("%s: runbook_url", name).startsWith(RUNBOOKS);
            assertThat(anchors).as("%s: its runbook, a heading of deploy/dashboards/README.md", name)
                    .contains(runbook.substring(RUNBOOKS.length()));
        }
    }

    @Test
    void theReadmeDescribesEveryDashboard() throws IOException {
        String readme = Files.readString(Dashboards.README);
        for (Path file : Dashboards.files()) {
            assertThat(readme).as("deploy/dashboards/README.md on %s", file.getFileName()).contains("grafana/" + file.getFileName());
        }
    }

    /** GitHub's anchors of a Markdown file's headings: lower case, spaces as hyphens, other punctuation dropped. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        List<String> headings = new ArrayList<>();
        markdown.lines().filter(line -> line.startsWith("#")).forEach(line -> headings.add(line.replaceFirst("^#+\\s*", "")));
        for (String heading : headings) {
            anchors.add(heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
