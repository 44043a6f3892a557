package dev.hailway.deploy;

import static dev.hailway.deploy.Observability.COLLECTOR;
import static dev.hailway.deploy.Observability.GRAFANA;
import static dev.hailway.deploy.Observability.JAEGER;
import static dev.hailway.deploy.Observability.PROMETHEUS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The observability component as rendered: it carries deploy/dashboards unchanged, its pieces are wired to each
 * other (services → collector → Jaeger; Prometheus → the services' pods; Grafana → both), and each runs with no more
 * than it needs: no sidecar, no service-account token but Prometheus's, which may only list the pods of its namespace.
 */
@SuppressWarnings("unchecked")
class ObservabilityComponentTest {

    private static final Path COMPONENT = Rendering.K8S.resolve("components/observability");
    private static final Topology TOPOLOGY = Topology.read(Rendering.ROOT.resolve("deploy/topology.yaml"));
    private static final List<Map<String, Object>> DEV = Rendering.render(new Rendering.Combination("dev", List.of("observability")));
    private static final List<Map<String, Object>> MESHED = Rendering.render(new Rendering.Combination("dev", Rendering.COMPONENTS));
    private static final List<Map<String, Object>> PRODUCTION = Rendering.render(new Rendering.Combination("production", List.of()));
    private static final List<Map<String, Object>> PLAIN_DEV = Rendering.render(new Rendering.Combination("dev", List.of()));
    private static final List<String> PODS = List.of(COLLECTOR, JAEGER, PROMETHEUS, GRAFANA);

    @Test
    void theComponentHoldsTheDashboardsAndTheRulesOfDeployDashboardsByteForByte() throws IOException {
        List<String> sources = Dashboards.files().stream().map(f -> f.getFileName().toString()).toList();
        try (Stream<Path> copies = Files.list(COMPONENT.resolve(Observability.DASHBOARDS))) {
            assertThat(copies.map(f -> f.getFileName().toString()).sorted().toList()).isEqualTo(sources);
        }
        for (String dashboard : sources) {
            assertThat(Files.readAllBytes(COMPONENT.resolve(Observability.DASHBOARDS).resolve(dashboard))).as(dashboard)
                    .isEqualTo(Files.readAllBytes(Dashboards.GRAFANA.resolve(dashboard)));
        }
        assertThat(Files.readAllBytes(COMPONENT.resolve(Observability.RULES))).isEqualTo(Files.readAllBytes(Dashboards.ALERTS));

        // And so do the ConfigMaps Grafana and Prometheus read them from.
        Map<String, String> dashboards = configMap(DEV, GRAFANA + "-dashboards");
        assertThat(dashboards.keySet()).containsExactlyInAnyOrderElementsOf(sources);
        for (String dashboard : sources) {
            assertThat(dashboards.get(dashboard)).as(dashboard).isEqualTo(Files.readString(Dashboards.GRAFANA.resolve(dashboard)));
        }
        assertThat(configMap(DEV, PROMETHEUS + "-rules")).containsExactly(Map.entry("alerts.yaml", Files.readString(Dashboards.ALERTS)));
    }

    @Test
    void theCollectorReceivesOtlpAndSendsEveryTraceToJaeger() {
        Map<String, Object> config = yaml(configMap(DEV, COLLECTOR + "-config").get("config.yaml"));
        assertWired(config);
        Map<String, Object> protocols = (Map<String, Object>) get(config, "receivers", "otlp", "protocols");
        assertThat(port((String) get(protocols, "grpc", "endpoint"))).isEqualTo(Observability.OTLP_GRPC);
        assertThat(port((String) get(protocols, "http", "endpoint"))).isEqualTo(Observability.OTLP_HTTP);

        Map<String, Object> traces = (Map<String, Object>) get(config, "service", "pipelines", "traces");
        assertThat((List<String>) traces.get("receivers")).containsExactly("otlp");
        assertThat((List<String>) traces.get("processors")).as("refuse data before the memory limit, then batch")
                .containsExactly("memory_limiter", "batch");
        List<String> exporters = (List<String>) traces.get("exporters");
        assertThat(exporters).singleElement().asString().startsWith("otlp");
        Map<String, Object> toJaeger = (Map<String, Object>) get(config, "exporters", exporters.getFirst());
        assertThat(toJaeger).containsEntry("endpoint", Observability.JAEGER_COLLECTOR + ":" + Observability.OTLP_GRPC)
                .containsEntry("tls", Map.of("insecure", true));
        // jaeger-collector:4317 is a Service that leads to Jaeger's pod, which takes OTLP there and keeps the traces.
        assertThat(serviceTarget(DEV, Observability.JAEGER_COLLECTOR, Observability.OTLP_GRPC)).isEqualTo(JAEGER + ":" + Observability.OTLP_GRPC);
        Map<String, Object> jaeger = yaml(configMap(DEV, JAEGER + "-config").get("config.yaml"));
        assertWired(jaeger);
        assertThat(port((String) get(jaeger, "receivers", "otlp", "protocols", "grpc", "endpoint"))).isEqualTo(Observability.OTLP_GRPC);
        assertThat((List<String>) get(jaeger, "service", "pipelines", "traces", "exporters")).containsExactly("jaeger_storage_exporter");
        assertThat(port((String) get(jaeger, "extensions", "jaeger_query", "http", "endpoint"))).isEqualTo(Observability.JAEGER_UI);

        // Any OTLP metrics go to the Prometheus exporter, which Prometheus scrapes.
        Map<String, Object> metrics = (Map<String, Object>) get(config, "service", "pipelines", "metrics");
        assertThat((List<String>) metrics.get("exporters")).containsExactly("prometheus");
        assertThat(port((String) get(config, "exporters", "prometheus", "endpoint"))).isEqualTo(Observability.COLLECTOR_METRICS);
        assertThat(staticTargets(prometheusConfig())).contains(COLLECTOR + ":" + Observability.COLLECTOR_METRICS);
        assertThat(serviceTarget(DEV, COLLECTOR, Observability.COLLECTOR_METRICS)).isEqualTo(COLLECTOR + ":" + Observability.COLLECTOR_METRICS);

        // Its probes ask the health_check extension, which it runs.
        assertThat((List<String>) get(config, "service", "extensions")).contains("health_check");
        assertThat(port((String) get(config, "extensions", "health_check", "endpoint"))).isEqualTo(Observability.HEALTH);
        assertThat(probePort(workload(DEV, COLLECTOR), "readinessProbe")).isEqualTo(Observability.HEALTH);
        assertThat(probePort(workload(DEV, JAEGER), "readinessProbe")).isEqualTo(Observability.HEALTH);
        assertThat(port((String) get(jaeger, "extensions", "healthcheckv2", "http", "endpoint"))).isEqualTo(Observability.HEALTH);
    }

    @Test
    void everyServiceExportsItsTracesToTheCollectorWhereverTheComponentIsUsed() {
        for (List<Map<String, Object>> objects : List.of(DEV, MESHED, PRODUCTION)) {
            for (String service : TOPOLOGY.services().keySet()) {
                assertThat(configMap(objects, service)).as(service).containsEntry(Observability.TRACES_SETTING, Observability.TRACES_ENDPOINT);
            }
        }
        URI endpoint = URI.create(Observability.TRACES_ENDPOINT);
        assertThat(serviceTarget(DEV, endpoint.getHost(), endpoint.getPort())).isEqualTo(COLLECTOR + ":" + Observability.OTLP_HTTP);
        assertThat(endpoint.getPath()).as("OTLP/HTTP's traces path").isEqualTo("/v1/traces");
        for (String service : TOPOLOGY.services().keySet()) {
            assertThat(configMap(PLAIN_DEV, service)).as("without the component, %s exports nothing", service)
                    .doesNotContainKey(Observability.TRACES_SETTING);
        }
    }

    /** The relabelling of prometheus.yml applied to the targets Kubernetes discovery would hand it. */
    @Test
    void prometheusScrapesTheAnnotatedPodsOfItsOwnNamespaceOnTheirAnnotatedPortAndPathLabelledByService() {
        Map<String, Object> config = prometheusConfig();
        Map<String, Object> job = ((List<Map<String, Object>>) config.get("scrape_configs")).stream()
                .filter(j -> j.containsKey("kubernetes_sd_configs")).findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) job.get("kubernetes_sd_configs"))
                .containsExactly(Map.of("role", "pod", "namespaces", Map.of("own_namespace", true)));
        List<Map<String, Object>> relabelling = (List<Map<String, Object>>) job.get("relabel_configs");

        for (String service : TOPOLOGY.services().keySet()) {
            Map<String, Object> template = PolicyTest.template(workload(DEV, service));
            Map<String, String> annotations = (Map<String, String>) ((Map<String, Object>) template.get("metadata")).get("annotations");
            Map<String, String> target = relabel(relabelling, discovered("127.0.2.3:8080", service, annotations));
            // The gateway serves its actuator on its management port only (its public port answers 404 there).
            int metrics = TOPOLOGY.services().get(service).edge() ? TOPOLOGY.port() + Manifests.MANAGEMENT_PORT_OFFSET : TOPOLOGY.port();
            assertThat(containerPorts(workload(DEV, service))).as(service).contains(metrics);
            assertThat(target).as(service).containsEntry("__address__", "127.0.2.3:" + metrics)
                    .containsEntry("__metrics_path__", "/actuator/prometheus").containsEntry("service", service)
                    .containsEntry("pod", service + "-0");
        }
        // With the mesh, Istio rewrites the annotations to its merged endpoint; the address may be IPv6.
        Map<String, String> meshed = relabel(relabelling, discovered("[fd00::7]:8080", "trips",
                Map.of("prometheus.io/scrape", "true", "prometheus.io/port", "15020", "prometheus.io/path", "/stats/prometheus")));
        assertThat(meshed).containsEntry("__address__", "[fd00::7]:15020").containsEntry("__metrics_path__", "/stats/prometheus");
        // A pod without the annotation (Grafana's, the data pods') is not scraped.
        Map<String, String> grafana = (Map<String, String>) ((Map<String, Object>) PolicyTest.template(workload(DEV, GRAFANA))
                .get("metadata")).getOrDefault("annotations", Map.of());
        assertThat(relabel(relabelling, discovered("127.0.2.4:3000", GRAFANA, grafana))).isNull();

        // The rules are where rule_files looks.
        Map<String, Object> rules = volumeMount(workload(DEV, PROMETHEUS), "rules");
        assertThat((List<String>) config.get("rule_files")).containsExactly(rules.get("mountPath") + "/*.yaml");
        assertThat(configMap(DEV, PROMETHEUS + "-rules")).containsKey("alerts.yaml");
    }

    @Test
    void prometheusMayOnlyListAndWatchThePodsOfItsOwnNamespace() {
        assertThat(DEV).noneMatch(o -> List.of("ClusterRole", "ClusterRoleBinding").contains(o.get("kind")));
        Map<String, Object> role = find(DEV, "Role", PROMETHEUS);
        assertThat((List<Object>) role.get("rules")).containsExactly(Map.of("apiGroups", List.of(""), "resources", List.of("pods"),
                "verbs", List.of("list", "watch")));
        // That is all its discovery needs: it discovers pods, nothing else.
        Set<String> roles = new TreeSet<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheusConfig().get("scrape_configs")) {
            ((List<Map<String, Object>>) job.getOrDefault("kubernetes_sd_configs", List.of())).forEach(sd -> roles.add((String) sd.get("role")));
        }
        assertThat(roles).containsExactly("pod");

        Map<String, Object> binding = find(DEV, "RoleBinding", PROMETHEUS);
        assertThat(binding.get("roleRef")).isEqualTo(Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "Role", "name", PROMETHEUS));
        assertThat((List<Object>) binding.get("subjects"))
                .containsExactly(Map.of("kind", "ServiceAccount", "name", PROMETHEUS, "namespace", Manifests.NAMESPACE));
        assertThat(PolicyTest.podSpec(workload(DEV, PROMETHEUS))).containsEntry("serviceAccountName", PROMETHEUS);
    }

    @Test
    void onlyPrometheusGetsAServiceAccountToken() {
        for (String pod : PODS) {
            Map<String, Object> spec = PolicyTest.podSpec(workload(DEV, pod));
            assertThat(spec.get("automountServiceAccountToken")).as(pod).isEqualTo(pod.equals(PROMETHEUS));
            if (!pod.equals(PROMETHEUS)) {
                assertThat(spec).as(pod).doesNotContainKey("serviceAccountName");
            }
        }
    }

    @Test
    void theObservabilityPodsAreLabelledAsHailwaysRunWithoutASidecarAndPinTheirImages() {
        for (String pod : PODS) {
            Map<String, Object> workload = workload(MESHED, pod);
            Map<String, Object> metadata = (Map<String, Object>) PolicyTest.template(workload).get("metadata");
            assertThat((Map<String, Object>) metadata.get("labels")).as(pod).containsEntry(Manifests.NAME, pod)
                    .containsEntry(Manifests.PART_OF, "hailway").containsEntry(Manifests.COMPONENT, Observability.OBSERVABILITY);
            assertThat((Map<String, Object>) metadata.get("annotations")).as("%s, with the mesh on", pod)
                    .containsExactly(Map.entry("sidecar.istio.io/inject", "false"));
            for (Map<String, Object> container : PolicyTest.containers(PolicyTest.podSpec(workload))) {
                assertThat((String) container.get("image")).as(pod).matches("docker\\.io/[\\w./-]+:v?\\d+\\.\\d+\\.\\d+");
            }
        }
    }

    @Test
    void grafanaAsksForALoginWhosePasswordComesFromASecretThatIsNeverCommitted() throws IOException {
        Map<String, Object> container = PolicyTest.containers(PolicyTest.podSpec(workload(DEV, GRAFANA))).getFirst();
        Map<String, Object> env = new HashMap<>();
        ((List<Map<String, Object>>) container.get("env")).forEach(e -> env.put((String) e.get("name"), e.containsKey("value") ? e.get("value") : e.get("valueFrom")));
        assertThat(env).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "false").containsEntry("GF_USERS_ALLOW_SIGN_UP", "false")
                .containsEntry("GF_SECURITY_ADMIN_PASSWORD", Map.of("secretKeyRef", Map.of("name", Observability.GRAFANA_ADMIN_SECRET, "key", "password")));
        for (List<Map<String, Object>> objects : List.of(DEV, PRODUCTION)) {
            assertThat(objects).noneMatch(o -> o.get("kind").equals("Secret"));
        }
        assertThat(secretsScript()).containsEntry(Observability.GRAFANA_ADMIN_SECRET, Set.of("password"));
    }

    /** What a cluster needs before it applies an overlay: every Secret a container reads, with every key it reads. */
    @Test
    void everySecretTheWorkloadsReadIsMadeByMakeSecretsWithTheKeysTheyRead() throws IOException {
        Map<String, Set<String>> made = secretsScript();
        for (List<Map<String, Object>> objects : List.of(DEV, PRODUCTION)) {
            for (Map<String, Object> workload : PolicyTest.workloads(objects)) {
                for (Map<String, Object> container : PolicyTest.containers(PolicyTest.podSpec(workload))) {
                    for (Map<String, Object> from : (List<Map<String, Object>>) container.getOrDefault("envFrom", List.of())) {
                        if (from.containsKey("secretRef")) {
                            assertThat(made).as(Rendering.describe(workload)).containsKey((String) ((Map<String, Object>) from.get("secretRef")).get("name"));
                        }
                    }
                    for (Map<String, Object> variable : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
                        Map<String, Object> ref = (Map<String, Object>) ((Map<String, Object>) variable.getOrDefault("valueFrom", Map.of())).get("secretKeyRef");
                        if (ref != null) {
                            assertThat(made.getOrDefault((String) ref.get("name"), Set.of())).as("%s %s", Rendering.describe(workload), ref)
                                    .contains((String) ref.get("key"));
                        }
                    }
                }
            }
        }
    }

    @Test
    void grafanaProvisionsThePrometheusTheDashboardsNameAndJaegerAndLoadsTheDashboardsFromTheirMount() {
        Map<String, Object> datasources = yaml(configMap(DEV, GRAFANA + "-datasources").get("datasources.yaml"));
        Map<String, Map<String, Object>> byUid = new TreeMap<>();
        ((List<Map<String, Object>>) datasources.get("datasources")).forEach(d -> byUid.put((String) d.get("uid"), d));
        assertThat(byUid.keySet()).containsExactly("jaeger", "prometheus");
        assertThat(byUid.get("prometheus")).containsEntry("type", "prometheus").containsEntry("isDefault", true);
        assertThat(byUid.get("jaeger")).containsEntry("type", "jaeger");
        URI prometheus = URI.create((String) byUid.get("prometheus").get("url"));
        assertThat(serviceTarget(DEV, prometheus.getHost(), prometheus.getPort())).isEqualTo(PROMETHEUS + ":" + Observability.PROMETHEUS_PORT);
        URI jaeger = URI.create((String) byUid.get("jaeger").get("url"));
        assertThat(serviceTarget(DEV, jaeger.getHost(), jaeger.getPort())).isEqualTo(JAEGER + ":" + Observability.JAEGER_UI);
        // $__rate_interval is four of these: one scrape interval, Prometheus's.
        assertThat(get(byUid.get("prometheus"), "jsonData", "timeInterval"))
                .isEqualTo(((Map<String, Object>) prometheusConfig().get("global")).get("scrape_interval"));

        Map<String, Object> provider = ((List<Map<String, Object>>) yaml(configMap(DEV, GRAFANA + "-dashboard-provider").get("dashboards.yaml"))
                .get("providers")).getFirst();
        Map<String, Object> grafana = workload(DEV, GRAFANA);
        assertThat(get(provider, "options", "path")).isEqualTo(volumeMount(grafana, "dashboards").get("mountPath"));
        assertThat(provider).containsEntry("allowUiUpdates", false);
        assertThat(volumeMount(grafana, "datasources").get("mountPath")).isEqualTo("/etc/grafana/provisioning/datasources");
        assertThat(volumeMount(grafana, "dashboard-provider").get("mountPath")).isEqualTo("/etc/grafana/provisioning/dashboards");
    }

    @Test
    void theComponentNamesNoNamespaceAndTheOverlaysPutItInTheirs() throws IOException {
        Map<String, Object> kustomization = yaml(Files.readString(COMPONENT.resolve("kustomization.yaml")));
        for (String resource : (List<String>) kustomization.get("resources")) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(COMPONENT.resolve(resource)))) {
                assertThat((Map<String, Object>) ((Map<String, Object>) document).get("metadata")).as(resource).doesNotContainKey("namespace");
            }
        }
        for (Map<String, Object> object : PRODUCTION) {
            if (Observability.OBSERVABILITY.equals(PolicyTest.labels(object).get(Manifests.COMPONENT))) {
                assertThat(((Map<String, Object>) object.get("metadata")).get("namespace")).as(Rendering.describe(object)).isEqualTo(Manifests.NAMESPACE);
            }
        }
    }

    // ---- helpers

    /** Each pipeline names only components the configuration defines, and each extension in use is defined. */
    private static void assertWired(Map<String, Object> config) {
        Map<String, Object> service = (Map<String, Object>) config.get("service");
        for (String extension : (List<String>) service.getOrDefault("extensions", List.of())) {
            assertThat((Map<String, Object>) config.get("extensions")).containsKey(extension);
        }
        ((Map<String, Map<String, Object>>) service.get("pipelines")).forEach((pipeline, parts) -> {
            for (String kind : List.of("receivers", "processors", "exporters")) {
                for (String id : (List<String>) parts.getOrDefault(kind, List.of())) {
                    assertThat((Map<String, Object>) config.getOrDefault(kind, Map.of())).as("%s of %s", kind, pipeline).containsKey(id);
                }
            }
        });
    }

    /** The Service {@code name}'s port {@code port} as the pod and container port it leads to: {@code pod:containerPort}. */
    private static String serviceTarget(List<Map<String, Object>> objects, String name, int port) {
        Map<String, Object> service = find(objects, "Service", name);
        Map<String, Object> spec = (Map<String, Object>) service.get("spec");
        Map<String, Object> servicePort = ((List<Map<String, Object>>) spec.get("ports")).stream()
                .filter(p -> Integer.valueOf(port).equals(p.get("port"))).findFirst().orElseThrow(() -> new AssertionError(name + " has no port " + port));
        Map<String, Object> selector = (Map<String, Object>) spec.get("selector");
        Map<String, Object> workload = PolicyTest.workloads(objects).stream().filter(w -> ((Map<String, Object>) ((Map<String, Object>) PolicyTest
                .template(w).get("metadata")).get("labels")).entrySet().containsAll(selector.entrySet())).findFirst()
                .orElseThrow(() -> new AssertionError("Service " + name + " selects no pod"));
        for (Map<String, Object> container : PolicyTest.containers(PolicyTest.podSpec(workload))) {
            for (Map<String, Object> containerPort : (List<Map<String, Object>>) container.getOrDefault("ports", List.of())) {
                if (containerPort.get("name").equals(servicePort.get("targetPort")) || containerPort.get("containerPort").equals(servicePort.get("targetPort"))) {
                    return Rendering.name(workload) + ":" + containerPort.get("containerPort");
                }
            }
        }
        throw new AssertionError("Service " + name + " port " + port + " targets no port of " + Rendering.name(workload));
    }

    private static List<Integer> containerPorts(Map<String, Object> workload) {
        List<Integer> ports = new ArrayList<>();
        for (Map<String, Object> container : PolicyTest.containers(PolicyTest.podSpec(workload))) {
            ((List<Map<String, Object>>) container.getOrDefault("ports", List.of())).forEach(p -> ports.add((Integer) p.get("containerPort")));
        }
        return ports;
    }

    private static int probePort(Map<String, Object> workload, String probe) {
        Map<String, Object> container = PolicyTest.containers(PolicyTest.podSpec(workload)).getFirst();
        Object port = ((Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet")).get("port");
        return ((List<Map<String, Object>>) container.get("ports")).stream().filter(p -> p.get("name").equals(port))
                .map(p -> (Integer) p.get("containerPort")).findFirst().orElseThrow();
    }

    private static Map<String, Object> volumeMount(Map<String, Object> workload, String volume) {
        Map<String, Object> container = PolicyTest.containers(PolicyTest.podSpec(workload)).getFirst();
        return ((List<Map<String, Object>>) container.get("volumeMounts")).stream().filter(m -> m.get("name").equals(volume))
                .findFirst().orElseThrow(() -> new AssertionError(Rendering.describe(workload) + " mounts no " + volume));
    }

    private static Map<String, Object> prometheusConfig() {
        return yaml(configMap(DEV, PROMETHEUS + "-config").get("prometheus.yml"));
    }

    private static List<String> staticTargets(Map<String, Object> config) {
        List<String> targets = new ArrayList<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            ((List<Map<String, Object>>) job.getOrDefault("static_configs", List.of())).forEach(c -> targets.addAll((List<String>) c.get("targets")));
        }
        return targets;
    }

    /** The labels Kubernetes' pod discovery gives a target of a pod of {@code name} with {@code annotations}. */
    private static Map<String, String> discovered(String address, String name, Map<String, String> annotations) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("__address__", address);
        labels.put("__metrics_path__", "/metrics");
        labels.put("__meta_kubernetes_namespace", Manifests.NAMESPACE);
        labels.put("__meta_kubernetes_pod_name", name + "-0");
        labels.put("__meta_kubernetes_pod_container_init", "false");
        labels.put("__meta_kubernetes_pod_label_app_kubernetes_io_name", name);
        annotations.forEach((key, value) -> labels.put("__meta_kubernetes_pod_annotation_" + key.replaceAll("[^a-zA-Z0-9_]", "_"), value));
        return labels;
    }

    /** Prometheus's relabelling (keep, drop, replace; anchored regexes, sources joined by ';'); null when dropped. */
    private static Map<String, String> relabel(List<Map<String, Object>> configs, Map<String, String> target) {
        Map<String, String> labels = new LinkedHashMap<>(target);
        for (Map<String, Object> config : configs) {
            List<String> sources = (List<String>) config.getOrDefault("source_labels", List.of());
            String value = String.join((String) config.getOrDefault("separator", ";"), sources.stream().map(s -> labels.getOrDefault(s, "")).toList());
            Matcher matcher = Pattern.compile("^(?:" + config.getOrDefault("regex", "(.*)") + ")$").matcher(value);
            boolean matches = matcher.matches();
            switch ((String) config.getOrDefault("action", "replace")) {
                case "keep" -> {
                    if (!matches) {
                        return null;
                    }
                }
                case "drop" -> {
                    if (matches) {
                        return null;
                    }
                }
                case "replace" -> {
                    if (matches) {
                        String replaced = (String) config.getOrDefault("replacement", "$1");
                        for (int group = matcher.groupCount(); group >= 1; group--) {
                            replaced = replaced.replace("$" + group, matcher.group(group) == null ? "" : matcher.group(group));
                        }
                        labels.put((String) config.get("target_label"), replaced);
                    }
                }
                default -> throw new AssertionError("an action this test does not know: " + config);
            }
        }
        return labels;
    }

    /** make-secrets.sh: each Secret it makes, with the keys it gives it. */
    private static Map<String, Set<String>> secretsScript() throws IOException {
        String script = Files.readString(Rendering.K8S.resolve("make-secrets.sh")).replace("\\\n", " ");
        Map<String, Set<String>> secrets = new TreeMap<>();
        Matcher make = Pattern.compile("(?m)^make (\\S+)(.*)$").matcher(script);
        while (make.find()) {
            Set<String> keys = new TreeSet<>();
            Matcher literal = Pattern.compile("--from-literal=([\\w.-]+)=").matcher(make.group(2));
            while (literal.find()) {
                keys.add(literal.group(1));
            }
            secrets.put(make.group(1), keys);
        }
        return secrets;
    }

    private static Map<String, String> configMap(List<Map<String, Object>> objects, String name) {
        Map<String, Object> configMap = objects.stream().filter(o -> o.get("kind").equals("ConfigMap"))
                .filter(o -> Rendering.name(o).equals(name) || Rendering.name(o).matches(Pattern.quote(name) + "-[a-z0-9]{10}"))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + name));
        return (Map<String, String>) configMap.get("data");
    }

    private static Map<String, Object> workload(List<Map<String, Object>> objects, String name) {
        return PolicyTest.workloads(objects).stream().filter(w -> Rendering.name(w).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no workload " + name));
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> o.get("kind").equals(kind) && Rendering.name(o).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, Object> yaml(String text) {
        assertThat(text).isNotNull();
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    private static Object get(Map<String, Object> map, String... path) {
        Object value = map;
        for (String key : path) {
            assertThat(value).as("%s in %s", key, String.join(".", path)).isInstanceOf(Map.class);
            value = ((Map<String, Object>) value).get(key);
        }
        return value;
    }

    private static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }
}
