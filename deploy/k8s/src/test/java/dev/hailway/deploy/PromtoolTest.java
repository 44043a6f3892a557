package dev.hailway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The alert rules and every dashboard expression as Prometheus itself reads them (promtool, of the same 2.42 the
 * end-to-end suite runs): they parse, the alerts fire on the series that break their objective and only then, and
 * promtool is shown to catch what it is trusted to catch.
 */
class PromtoolTest {

    private static final Path SCRATCH = Rendering.K8S.resolve("target/promtool");

    @Test
    void theAlertRulesPassPromtool() {
        Promtool.Result result = Promtool.run("check", "rules", Dashboards.ALERTS.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + Dashboards.rules().size() + " rules found");
    }

    @Test
    void promtoolRefusesARuleWhoseExpressionDoesNotParse() throws IOException {
        String rules = Files.readString(Dashboards.ALERTS);
        String broken = rules.replaceFirst("expr: max by \\(application\\) \\(hailway_trips_overdue\\) > 0",
                "expr: max by (application) (hailway_trips_overdue > 0");
        assertThat(broken).as("the rule to break is there").isNotEqualTo(rules);

        Promtool.Result result = Promtool.run("check", "rules", write("broken-expression.yaml", broken).toString());

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("unclosed left parenthesis");
    }

    @Test
    void promtoolRefusesAnAnnotationWhoseTemplateDoesNotParse() throws IOException {
        String rules = Files.readString(Dashboards.ALERTS);
        String broken = rules.replaceFirst("summary: Trips are stuck past their saga deadline",
                "summary: \"Trips are stuck in {{ \\$labels.application\"");
        assertThat(broken).isNotEqualTo(rules);

        Promtool.Result result = Promtool.run("check", "rules", write("broken-template.yaml", broken).toString());

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("template");
    }

    @Test
    void theAlertsFireWhenTheirObjectiveIsBrokenAndStayQuietOtherwise() {
        Promtool.Result result = Promtool.run("test", "rules", Dashboards.ALERTS_TEST.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void promtoolFailsAnAlertTestThatExpectsTheWrongAlert() throws IOException {
        String tests = Files.readString(Dashboards.ALERTS_TEST).replace("rule_files: [alerts.yaml]",
                "rule_files: [" + Dashboards.ALERTS + "]");
        String wrong = tests.replaceFirst("exp_labels: \\{ severity: critical, application: trips }",
                "exp_labels: { severity: critical, application: pricing }");
        assertThat(wrong).isNotEqualTo(tests);

        Promtool.Result result = Promtool.run("test", "rules", write("wrong-expectation.yaml", wrong).toString());

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("FAILED");
    }

    /**
     * Each panel's expression as the recording rule of a rule file, Grafana's variables given values as Grafana would
     * (a regex for the service, a duration for the rate interval): promtool parses every one.
     */
    @Test
    void everyDashboardExpressionIsPromqlThatPrometheusParses() throws IOException {
        Map<String, String> expressions = Dashboards.expressions();
        StringBuilder file = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        List<String> names = new ArrayList<>();
        expressions.forEach((where, expression) -> {
            String name = "dashboard:expression:" + names.size();
            names.add(where);
            String runnable = expression.replace("$__rate_interval", "1m").replace("$service", "trips|pricing");
            file.append("      - record: ").append(name).append('\n')
                    .append("        expr: ").append(Dashboards.JSON.valueToTree(runnable).toString()).append('\n');
        });

        Promtool.Result result = Promtool.run("check", "rules", write("dashboards.yaml", file.toString()).toString());

        assertThat(result.exitCode()).as("%s\n(rules in the order of %s)", result.output(), names).isZero();
        assertThat(result.output()).contains("SUCCESS: " + expressions.size() + " rules found");
    }

    private static Path write(String name, String content) throws IOException {
        Files.createDirectories(SCRATCH);
        Path file = SCRATCH.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
