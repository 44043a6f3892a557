package dev.hailway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** deploy/dashboards as the tests read it: the Grafana dashboards, their panels' expressions, and the alert rules. */
final class Dashboards {

    static final Path DIR = Rendering.ROOT.resolve("deploy/dashboards");
    static final Path GRAFANA = DIR.resolve("grafana");
    static final Path ALERTS = DIR.resolve("prometheus/alerts.yaml");
    static final Path ALERTS_TEST = DIR.resolve("prometheus/alerts-test.yaml");
    static final Path README = DIR.resolve("README.md");
    static final ObjectMapper JSON = new ObjectMapper();

    private Dashboards() {
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(GRAFANA)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every panel of a dashboard, those inside collapsed rows too. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** Every panel's expressions, keyed by dashboard, panel and refId. */
    static Map<String, String> expressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Path file : files()) {
            for (JsonNode panel : panels(read(file))) {
                for (JsonNode target : panel.path("targets")) {
                    expressions.put(file.getFileName() + " \"" + panel.path("title").asText() + "\" " + target.path("refId").asText(),
                            target.path("expr").asText());
                }
            }
        }
        return expressions;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules() {
        try {
            Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(ALERTS));
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
