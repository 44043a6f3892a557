package dev.hailway.deploy;

import static dev.hailway.deploy.Manifests.COMPONENT;
import static dev.hailway.deploy.Manifests.NAME;
import static dev.hailway.deploy.Manifests.PART_OF;
import static dev.hailway.deploy.Manifests.labels;
import static dev.hailway.deploy.Manifests.metadata;
import static dev.hailway.deploy.Yaml.list;
import static dev.hailway.deploy.Yaml.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The observability component (components/observability), opt in like the mesh: an OpenTelemetry Collector that
 * takes the services' traces over OTLP and hands them to Jaeger; Prometheus, scraping every service pod of its
 * namespace with the alert rules of deploy/dashboards/prometheus; Grafana, with the dashboards of
 * deploy/dashboards/grafana. Rules and dashboards are copied byte for byte (ManifestsTest compares), so the
 * component cannot drift from its source; a change to either, or to a configuration here, renames its ConfigMap
 * (Kustomize's hash suffix) and so rolls the pod that reads it.
 */
final class Observability {

    static final String OBSERVABILITY = "observability";
    static final String COLLECTOR = "otel-collector";
    static final String JAEGER = "jaeger";
    /** Jaeger's OTLP intake, a Service of its own so that the UI's and the intake's clients are told apart. */
    static final String JAEGER_COLLECTOR = "jaeger-collector";
    static final String PROMETHEUS = "prometheus";
    static final String GRAFANA = "grafana";
    static final String GRAFANA_ADMIN_SECRET = "grafana-admin";

    static final String COLLECTOR_IMAGE = "docker.io/otel/opentelemetry-collector-contrib:0.139.0";
    static final String JAEGER_IMAGE = "docker.io/jaegertracing/jaeger:2.11.0";
    static final String PROMETHEUS_IMAGE = "docker.io/prom/prometheus:v3.7.3";
    static final String GRAFANA_IMAGE = "docker.io/grafana/grafana:12.2.1";

    static final int OTLP_GRPC = 4317;
    static final int OTLP_HTTP = 4318;
    static final int COLLECTOR_METRICS = 8889;
    /** The collector's and Jaeger's health_check extensions (Jaeger is a collector distribution too). */
    static final int HEALTH = 13133;
    static final int JAEGER_UI = 16686;
    static final int PROMETHEUS_PORT = 9090;
    static final int GRAFANA_PORT = 3000;
    /** Where Istio's sidecar serves the app's metrics merged with its own, in plain text, when the mesh is on. */
    static final int ISTIO_MERGED_METRICS = 15020;
    /** The Kubernetes API: 443 behind its Service, 6443 where a policy sees the API server's own port (kubeadm, kind). */
    static final List<Integer> KUBERNETES_API = List.of(443, 6443);

    static final String TRACES_ENDPOINT = "http://" + COLLECTOR + ":" + OTLP_HTTP + "/v1/traces";
    static final String TRACES_SETTING = "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT";
    static final String SCRAPE_INTERVAL = "15s";

    static final String COLLECTOR_CONFIG = "config/otel-collector.yaml";
    static final String JAEGER_CONFIG = "config/jaeger.yaml";
    static final String PROMETHEUS_CONFIG = "config/prometheus.yml";
    static final String GRAFANA_DATASOURCES = "config/grafana-datasources.yaml";
    static final String GRAFANA_DASHBOARD_PROVIDER = "config/grafana-dashboards.yaml";
    /** The copies of deploy/dashboards: Kustomize reads no file outside the component's directory. */
    static final String RULES = "rules/alerts.yaml";
    static final String DASHBOARDS = "dashboards";

    private final Path sources;
    private final int servicePort;
    private final Map<String, Integer> metricsPorts;

    /**
     * @param sources      deploy/dashboards, the hand-written dashboards and rules
     * @param metricsPorts by service, the port its pod serves its metrics on: its one port, or the gateway's
     *                     management port
     */
    Observability(Path sources, int servicePort, Map<String, Integer> metricsPorts) {
        this.sources = sources;
        this.servicePort = servicePort;
        this.metricsPorts = metricsPorts;
    }

    void write(Path dir) {
        List<String> dashboards = dashboards();
        copy(sources.resolve("prometheus/alerts.yaml"), dir.resolve(RULES));
        for (String dashboard : dashboards) {
            copy(sources.resolve("grafana").resolve(dashboard), dir.resolve(DASHBOARDS).resolve(dashboard));
        }
        Yaml.write(dir.resolve(COLLECTOR_CONFIG), "The OpenTelemetry Collector: OTLP in, traces to Jaeger, any OTLP metrics to Prometheus.",
                List.of(collectorConfig()));
        Yaml.write(dir.resolve(JAEGER_CONFIG), "Jaeger v2, all in one: OTLP in, traces kept in memory, the UI and its API on "
                + JAEGER_UI + ".\nIts built-in default listens on localhost only; this one on the pod's addresses.", List.of(jaegerConfig()));
        Yaml.write(dir.resolve(PROMETHEUS_CONFIG), "Prometheus: every pod of its own namespace annotated prometheus.io/scrape=true, "
                + "and the collector.", List.of(prometheusConfig()));
        Yaml.write(dir.resolve(GRAFANA_DATASOURCES), "", List.of(grafanaDatasources()));
        Yaml.write(dir.resolve(GRAFANA_DASHBOARD_PROVIDER), "", List.of(grafanaDashboardProvider()));

        Yaml.write(dir.resolve("otel-collector.yaml"), "", List.of(collector(), service(COLLECTOR,
                port("otlp-grpc", OTLP_GRPC, "grpc"), port("otlp-http", OTLP_HTTP, "http"), port("metrics", COLLECTOR_METRICS, "http"))));
        Yaml.write(dir.resolve("jaeger.yaml"), "Traces live in memory: a restart loses them. Production wants a storage backend "
                + "(Elasticsearch, Cassandra, ...).", List.of(jaeger(), service(JAEGER_COLLECTOR, JAEGER, port("otlp-grpc", OTLP_GRPC, "grpc")),
                service(JAEGER, JAEGER, port("ui", JAEGER_UI, "http"))));
        Yaml.write(dir.resolve("prometheus.yaml"), """
                Its data on an emptyDir: a restart (a change of its rules or configuration too) starts it empty. Production wants
                a PersistentVolumeClaim for /prometheus, or remote write to a long-term store.""",
                List.of(prometheusAccount(), prometheusRole(), prometheusRoleBinding(), prometheus(), service(PROMETHEUS,
                        port("http", PROMETHEUS_PORT, "http"))));
        Yaml.write(dir.resolve("grafana.yaml"), "The admin password comes from the Secret " + GRAFANA_ADMIN_SECRET
                + " (deploy/k8s/make-secrets.sh), never from here.", List.of(grafana(), service(GRAFANA, port("http", GRAFANA_PORT, "http"))));
        Yaml.write(dir.resolve("network-policies.yaml"), """
                Exactly the flows of tracing and scraping, on top of the base's default deny (these pods are part of hailway too)
                and its DNS policy: ObservabilityPoliciesTest evaluates them for every pair of pods and port.""", networkPolicies());
        Yaml.write(dir.resolve("kustomization.yaml"), """
                Observability, opt in: the OpenTelemetry Collector and Jaeger for traces, Prometheus with the alert rules and
                Grafana with the dashboards of deploy/dashboards (deploy/dashboards/README.md). Every service exports its
                traces to the collector. None of these pods has a sidecar: Prometheus scrapes the sidecars' merged metrics
                in plain text (a sidecar of its own would wrap them in mutual TLS), and the collector takes traces from
                clients with a sidecar and without one alike. Namespace-free: the kustomization that uses it sets it.""",
                List.of(kustomization(dashboards)));
    }

    private List<String> dashboards() {
        try (Stream<Path> files = Files.list(sources.resolve("grafana"))) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sources.resolve("grafana"), e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.write(to, Files.readAllBytes(from));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static Map<String, Object> kustomization(List<String> dashboards) {
        List<Object> dashboardFiles = new ArrayList<>();
        dashboards.forEach(d -> dashboardFiles.add(DASHBOARDS + "/" + d));
        return map(
                "apiVersion", "kustomize.config.k8s.io/v1alpha1",
                "kind", "Component",
                "resources", list("otel-collector.yaml", "jaeger.yaml", "prometheus.yaml", "grafana.yaml", "network-policies.yaml"),
                "configMapGenerator", list(
                        generated(COLLECTOR + "-config", COLLECTOR, list("config.yaml=" + COLLECTOR_CONFIG)),
                        generated(JAEGER + "-config", JAEGER, list("config.yaml=" + JAEGER_CONFIG)),
                        generated(PROMETHEUS + "-config", PROMETHEUS, list("prometheus.yml=" + PROMETHEUS_CONFIG)),
                        generated(PROMETHEUS + "-rules", PROMETHEUS, list("alerts.yaml=" + RULES)),
                        generated(GRAFANA + "-datasources", GRAFANA, list("datasources.yaml=" + GRAFANA_DATASOURCES)),
                        generated(GRAFANA + "-dashboard-provider", GRAFANA, list("dashboards.yaml=" + GRAFANA_DASHBOARD_PROVIDER)),
                        generated(GRAFANA + "-dashboards", GRAFANA, dashboardFiles)),
                "patches", list(map("target", map("kind", "ConfigMap", "labelSelector", COMPONENT + "=service"),
                        "patch", """
                                - op: add
                                  path: /data/%s
                                  value: %s
                                """.formatted(TRACES_SETTING, TRACES_ENDPOINT))));
    }

    private static Map<String, Object> generated(String name, String owner, List<Object> files) {
        return map("name", name, "files", files, "options", map("labels", labels(owner, OBSERVABILITY)));
    }

    // ---- configuration files

    static Map<String, Object> collectorConfig() {
        return map(
                "extensions", map("health_check", map("endpoint", "0.0.0.0:" + HEALTH)),
                "receivers", map("otlp", map("protocols", map(
                        "grpc", map("endpoint", "0.0.0.0:" + OTLP_GRPC),
                        "http", map("endpoint", "0.0.0.0:" + OTLP_HTTP)))),
                "processors", map(
                        // First in every pipeline: refuses data before the container's memory limit is reached, so
                        // that clients back off instead of the collector being killed.
                        "memory_limiter", map("check_interval", "1s", "limit_percentage", 80, "spike_limit_percentage", 20),
                        "batch", map()),
                "exporters", map(
                        // Plain text inside the namespace: Jaeger has no sidecar and no certificate of its own.
                        "otlp/jaeger", map("endpoint", JAEGER_COLLECTOR + ":" + OTLP_GRPC, "tls", map("insecure", true)),
                        "prometheus", map("endpoint", "0.0.0.0:" + COLLECTOR_METRICS)),
                "service", map(
                        "extensions", list("health_check"),
                        "pipelines", map(
                                "traces", map("receivers", list("otlp"), "processors", list("memory_limiter", "batch"),
                                        "exporters", list("otlp/jaeger")),
                                "metrics", map("receivers", list("otlp"), "processors", list("memory_limiter", "batch"),
                                        "exporters", list("prometheus")))));
    }

    private static Map<String, Object> jaegerConfig() {
        return map(
                "service", map(
                        "extensions", list("jaeger_storage", "jaeger_query", "healthcheckv2"),
                        "pipelines", map("traces", map("receivers", list("otlp"), "processors", list("batch"),
                                "exporters", list("jaeger_storage_exporter")))),
                "extensions", map(
                        "healthcheckv2", map("use_v2", true, "http", map("endpoint", "0.0.0.0:" + HEALTH)),
                        // Bounded, so that memory stays under the container's limit: the oldest traces go first.
                        "jaeger_storage", map("backends", map("memory", map("memory", map("max_traces", 10000)))),
                        "jaeger_query", map("storage", map("traces", "memory"), "http", map("endpoint", "0.0.0.0:" + JAEGER_UI))),
                "receivers", map("otlp", map("protocols", map("grpc", map("endpoint", "0.0.0.0:" + OTLP_GRPC)))),
                "processors", map("batch", map()),
                "exporters", map("jaeger_storage_exporter", map("trace_storage", "memory")));
    }

    Map<String, Object> prometheusConfig() {
        return map(
                "global", map("scrape_interval", SCRAPE_INTERVAL, "evaluation_interval", SCRAPE_INTERVAL),
                "rule_files", list("/etc/prometheus/rules/*.yaml"),
                "scrape_configs", list(
                        map("job_name", "hailway-pods",
                                // Its own namespace only: what the Role lets it list, and where Hailway runs.
                                "kubernetes_sd_configs", list(map("role", "pod", "namespaces", map("own_namespace", true))),
                                "relabel_configs", list(
                                        map("source_labels", list("__meta_kubernetes_pod_annotation_prometheus_io_scrape"),
                                                "action", "keep", "regex", "true"),
                                        map("source_labels", list("__meta_kubernetes_pod_container_init"), "action", "drop", "regex", "true"),
                                        map("source_labels", list("__meta_kubernetes_pod_annotation_prometheus_io_path"),
                                                "regex", "(.+)", "target_label", "__metrics_path__"),
                                        // The annotated port, whichever container port this target came from: a pod's
                                        // targets become one (Prometheus drops the duplicates). Works for IPv6 too.
                                        map("source_labels", list("__address__", "__meta_kubernetes_pod_annotation_prometheus_io_port"),
                                                "regex", "(.+?)(?::\\d+)?;(\\d+)", "replacement", "$1:$2", "target_label", "__address__"),
                                        map("source_labels", list("__meta_kubernetes_pod_label_app_kubernetes_io_name"), "target_label", "service"),
                                        map("source_labels", list("__meta_kubernetes_namespace"), "target_label", "namespace"),
                                        map("source_labels", list("__meta_kubernetes_pod_name"), "target_label", "pod"))),
                        map("job_name", COLLECTOR, "static_configs", list(map("targets", list(COLLECTOR + ":" + COLLECTOR_METRICS))))));
    }

    private static Map<String, Object> grafanaDatasources() {
        return map("apiVersion", 1, "datasources", list(
                // uid prometheus: what every dashboard of deploy/dashboards names; timeInterval: the scrape interval, so
                // that $__rate_interval spans four scrapes.
                map("name", "Prometheus", "type", "prometheus", "uid", "prometheus", "access", "proxy",
                        "url", "http://" + PROMETHEUS + ":" + PROMETHEUS_PORT, "isDefault", true, "editable", false,
                        "jsonData", map("timeInterval", SCRAPE_INTERVAL, "httpMethod", "POST")),
                map("name", "Jaeger", "type", "jaeger", "uid", "jaeger", "access", "proxy",
                        "url", "http://" + JAEGER + ":" + JAEGER_UI, "editable", false)));
    }

    private static Map<String, Object> grafanaDashboardProvider() {
        return map("apiVersion", 1, "providers", list(map(
                "name", "hailway", "folder", "Hailway", "type", "file",
                // deploy/dashboards is the source: an edit in the UI cannot be saved over it.
                "disableDeletion", true, "allowUiUpdates", false,
                "options", map("path", "/etc/grafana/dashboards"))));
    }

    // ---- workloads

    private static Map<String, Object> port(String name, int number, String protocol) {
        return map("name", name, "port", number, "targetPort", name, "protocol", "TCP", "appProtocol", protocol);
    }

    private static Map<String, Object> service(String name, Map<?, ?>... ports) {
        return service(name, name, ports);
    }

    private static Map<String, Object> service(String name, String pods, Map<?, ?>... ports) {
        return map("apiVersion", "v1", "kind", "Service", "metadata", metadata(name, labels(pods, OBSERVABILITY)),
                "spec", map("selector", map(NAME, pods), "ports", list((Object[]) ports)));
    }

    private static Map<String, Object> containerPort(String name, int number) {
        return map("name", name, "containerPort", number, "protocol", "TCP");
    }

    private static Map<String, Object> resources(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
        return map("requests", map("cpu", cpuRequest, "memory", memoryRequest), "limits", map("cpu", cpuLimit, "memory", memoryLimit));
    }

    private static Map<String, Object> mount(String name, String path) {
        return map("name", name, "mountPath", path, "readOnly", true);
    }

    private static Map<String, Object> writable(String name, String path) {
        return map("name", name, "mountPath", path);
    }

    private static Map<String, Object> configMapVolume(String name, String configMap) {
        return map("name", name, "configMap", map("name", configMap));
    }

    private static Map<String, Object> emptyDir(String name, String sizeLimit) {
        return map("name", name, "emptyDir", map("sizeLimit", sizeLimit));
    }

    /**
     * Probes on {@code path} of port {@code port}: startup for up to {@code startupSeconds}, then readiness every 5 s and
     * liveness every 10 s (three misses each).
     */
    private static Map<String, Object> probes(Map<String, Object> container, String readiness, String liveness, String port, int startupSeconds) {
        container.put("startupProbe", map("httpGet", map("path", liveness, "port", port), "periodSeconds", 2, "timeoutSeconds", 2,
                "failureThreshold", startupSeconds / 2));
        container.put("readinessProbe", map("httpGet", map("path", readiness, "port", port), "periodSeconds", 5, "timeoutSeconds", 2,
                "failureThreshold", 3));
        container.put("livenessProbe", map("httpGet", map("path", liveness, "port", port), "periodSeconds", 10, "timeoutSeconds", 2,
                "failureThreshold", 3));
        return container;
    }

    private static Map<String, Object> containerSecurity() {
        return map("runAsNonRoot", true, "readOnlyRootFilesystem", true, "allowPrivilegeEscalation", false,
                "capabilities", map("drop", list("ALL")));
    }

    /**
     * One pod of {@code name}, run as {@code user} (the image's own, by number: runAsNonRoot cannot check a user name).
     * No sidecar: Prometheus scrapes the sidecars' merged metrics in plain text, which a sidecar of its own would wrap
     * in mutual TLS; the collector receives from clients with a sidecar and without one alike; Grafana and Jaeger are
     * reached by port-forward. A service-account token only for {@code serviceAccount} (Prometheus, which lists pods).
     */
    private static Map<String, Object> deployment(String name, Map<String, Object> container, long user, List<Object> volumes,
                                                  String serviceAccount) {
        container.put("securityContext", containerSecurity());
        Map<String, Object> pod = map(
                "serviceAccountName", serviceAccount,
                "automountServiceAccountToken", serviceAccount != null,
                "securityContext", map("runAsNonRoot", true, "runAsUser", user, "runAsGroup", user, "fsGroup", user,
                        "seccompProfile", map("type", "RuntimeDefault")),
                "containers", list(container),
                "volumes", volumes);
        return map("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", metadata(name, labels(name, OBSERVABILITY)),
                "spec", map(
                        "replicas", 1,
                        "revisionHistoryLimit", 5,
                        // One at a time: two Prometheus or Jaeger instances would each hold half of what was collected.
                        "strategy", map("type", "Recreate"),
                        "selector", map("matchLabels", map(NAME, name)),
                        "template", map(
                                "metadata", map("labels", labels(name, OBSERVABILITY),
                                        "annotations", map("sidecar.istio.io/inject", "false")),
                                "spec", pod)));
    }

    private static Map<String, Object> collector() {
        Map<String, Object> container = map(
                "name", COLLECTOR,
                "image", COLLECTOR_IMAGE,
                "imagePullPolicy", "IfNotPresent",
                "args", list("--config=/etc/otelcol-contrib/config.yaml"),
                // The Go runtime collects before the memory_limiter has to refuse data: some 80 % of the limit.
                "env", list(map("name", "GOMEMLIMIT", "value", "200MiB")),
                "ports", list(containerPort("otlp-grpc", OTLP_GRPC), containerPort("otlp-http", OTLP_HTTP),
                        containerPort("metrics", COLLECTOR_METRICS), containerPort("health", HEALTH)),
                "resources", resources("50m", "128Mi", "500m", "256Mi"),
                "volumeMounts", list(mount("config", "/etc/otelcol-contrib")));
        probes(container, "/", "/", "health", 60);
        return deployment(COLLECTOR, container, 10001, list(configMapVolume("config", COLLECTOR + "-config")), null);
    }

    private static Map<String, Object> jaeger() {
        Map<String, Object> container = map(
                "name", JAEGER,
                "image", JAEGER_IMAGE,
                "imagePullPolicy", "IfNotPresent",
                "args", list("--config=/etc/jaeger/config.yaml"),
                "env", list(map("name", "GOMEMLIMIT", "value", "800MiB")),
                "ports", list(containerPort("otlp-grpc", OTLP_GRPC), containerPort("ui", JAEGER_UI), containerPort("health", HEALTH)),
                "resources", resources("50m", "512Mi", "500m", "1Gi"),
                "volumeMounts", list(mount("config", "/etc/jaeger")));
        probes(container, "/status", "/status", "health", 60);
        return deployment(JAEGER, container, 10001, list(configMapVolume("config", JAEGER + "-config")), null);
    }

    private Map<String, Object> prometheusAccount() {
        return map("apiVersion", "v1", "kind", "ServiceAccount", "metadata", metadata(PROMETHEUS, labels(PROMETHEUS, OBSERVABILITY)));
    }

    /** What kubernetes_sd_configs with role pod needs, in this namespace only: to list and watch its pods. */
    private static Map<String, Object> prometheusRole() {
        return map("apiVersion", "rbac.authorization.k8s.io/v1", "kind", "Role",
                "metadata", metadata(PROMETHEUS, labels(PROMETHEUS, OBSERVABILITY)),
                "rules", list(map("apiGroups", list(""), "resources", list("pods"), "verbs", list("list", "watch"))));
    }

    private static Map<String, Object> prometheusRoleBinding() {
        return map("apiVersion", "rbac.authorization.k8s.io/v1", "kind", "RoleBinding",
                "metadata", metadata(PROMETHEUS, labels(PROMETHEUS, OBSERVABILITY)),
                "roleRef", map("apiGroup", "rbac.authorization.k8s.io", "kind", "Role", "name", PROMETHEUS),
                // Kustomize's namespace transformer gives the subject the namespace it gives the ServiceAccount.
                "subjects", list(map("kind", "ServiceAccount", "name", PROMETHEUS)));
    }

    private static Map<String, Object> prometheus() {
        Map<String, Object> container = map(
                "name", PROMETHEUS,
                "image", PROMETHEUS_IMAGE,
                "imagePullPolicy", "IfNotPresent",
                "args", list("--config.file=/etc/prometheus/config/prometheus.yml", "--storage.tsdb.path=/prometheus",
                        // Within the emptyDir's limit, whichever comes first.
                        "--storage.tsdb.retention.time=2d", "--storage.tsdb.retention.size=3GB"),
                "ports", list(containerPort("http", PROMETHEUS_PORT)),
                "resources", resources("100m", "512Mi", "1", "1Gi"),
                "volumeMounts", list(mount("config", "/etc/prometheus/config"), mount("rules", "/etc/prometheus/rules"),
                        writable("data", "/prometheus")));
        probes(container, "/-/ready", "/-/healthy", "http", 120);
        return deployment(PROMETHEUS, container, 65534, list(configMapVolume("config", PROMETHEUS + "-config"),
                configMapVolume("rules", PROMETHEUS + "-rules"), emptyDir("data", "4Gi")), PROMETHEUS);
    }

    private static Map<String, Object> grafana() {
        List<Object> env = list(
                map("name", "GF_SECURITY_ADMIN_USER", "value", "admin"),
                map("name", "GF_SECURITY_ADMIN_PASSWORD", "valueFrom", map("secretKeyRef", map("name", GRAFANA_ADMIN_SECRET, "key", "password"))),
                map("name", "GF_AUTH_ANONYMOUS_ENABLED", "value", "false"),
                map("name", "GF_USERS_ALLOW_SIGN_UP", "value", "false"),
                // Its NetworkPolicy lets it reach nothing outside the cluster: no plugin downloads, update checks or reports.
                map("name", "GF_PLUGINS_PREINSTALL_DISABLED", "value", "true"),
                map("name", "GF_ANALYTICS_REPORTING_ENABLED", "value", "false"),
                map("name", "GF_ANALYTICS_CHECK_FOR_UPDATES", "value", "false"),
                map("name", "GF_ANALYTICS_CHECK_FOR_PLUGIN_UPDATES", "value", "false"),
                map("name", "GF_NEWS_NEWS_FEED_ENABLED", "value", "false"));
        Map<String, Object> container = map(
                "name", GRAFANA,
                "image", GRAFANA_IMAGE,
                "imagePullPolicy", "IfNotPresent",
                "env", env,
                "ports", list(containerPort("http", GRAFANA_PORT)),
                "resources", resources("50m", "256Mi", "500m", "512Mi"),
                // Its database (SQLite), sessions and plugins under /var/lib/grafana; scratch files in /tmp.
                "volumeMounts", list(writable("data", "/var/lib/grafana"), writable("tmp", "/tmp"),
                        mount("datasources", "/etc/grafana/provisioning/datasources"),
                        mount("dashboard-provider", "/etc/grafana/provisioning/dashboards"),
                        mount("dashboards", "/etc/grafana/dashboards")));
        // Its first start migrates its database: give it three minutes.
        probes(container, "/api/health", "/api/health", "http", 180);
        return deployment(GRAFANA, container, 472, list(emptyDir("data", "1Gi"), emptyDir("tmp", "64Mi"),
                configMapVolume("datasources", GRAFANA + "-datasources"),
                configMapVolume("dashboard-provider", GRAFANA + "-dashboard-provider"),
                configMapVolume("dashboards", GRAFANA + "-dashboards")), null);
    }

    // ---- network policies

    private static Map<String, Object> pods(String name) {
        return map("podSelector", map("matchLabels", map(NAME, name)));
    }

    /** Hailway's services, and nothing else that might carry component=service in the namespace. */
    private static Map<String, Object> services() {
        return map("podSelector", map("matchLabels", map(PART_OF, "hailway", COMPONENT, "service")));
    }

    /** Any pod of the namespace (an empty selector); nothing outside it. */
    private static Map<String, Object> namespacePods() {
        return map("podSelector", map());
    }

    private static List<Object> tcp(int... ports) {
        List<Object> list = new ArrayList<>();
        for (int port : ports) {
            list.add(map("protocol", "TCP", "port", port));
        }
        return list;
    }

    private static Map<String, Object> rule(String side, Map<String, Object> peer, List<Object> ports) {
        return map(side, list(peer), "ports", ports);
    }

    private static Map<String, Object> policy(String name, Map<String, Object> pods, List<Object> ingress, List<Object> egress) {
        List<Object> types = list();
        if (ingress != null) {
            types.add("Ingress");
        }
        if (egress != null) {
            types.add("Egress");
        }
        return map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", metadata(name, map(PART_OF, "hailway", COMPONENT, OBSERVABILITY)),
                "spec", map("podSelector", pods.get("podSelector"), "policyTypes", types, "ingress", ingress, "egress", egress));
    }

    private List<Object> networkPolicies() {
        List<Object> apiServer = new ArrayList<>();
        KUBERNETES_API.forEach(port -> apiServer.add(map("protocol", "TCP", "port", port)));
        // Prometheus reaches each service's pod on the port that serves its metrics, and no other of its ports.
        Map<Integer, List<Object>> scraped = new TreeMap<>();
        metricsPorts.forEach((service, port) -> scraped.computeIfAbsent(port, p -> new ArrayList<>()).add(pods(service)));
        List<Object> prometheusEgress = new ArrayList<>();
        scraped.forEach((port, services) -> prometheusEgress.add(map("to", services, "ports", tcp(port))));
        prometheusEgress.add(rule("to", services(), tcp(ISTIO_MERGED_METRICS)));
        prometheusEgress.add(rule("to", pods(COLLECTOR), tcp(COLLECTOR_METRICS)));
        // The API server is no pod of the cluster (it runs on the control plane, or outside it on a managed cluster)
        // and its address differs from cluster to cluster: no pod, namespace or portable ipBlock selects it, so the
        // rule names its ports only.
        prometheusEgress.add(map("ports", apiServer));
        List<Object> policies = new ArrayList<>(List.of(
                policy(COLLECTOR, pods(COLLECTOR),
                        list(rule("from", services(), tcp(OTLP_GRPC, OTLP_HTTP)), rule("from", pods(PROMETHEUS), tcp(COLLECTOR_METRICS))),
                        list(rule("to", pods(JAEGER), tcp(OTLP_GRPC)))),
                // The UIs are open to the namespace: a pod run there to look, or a proxy of your own. kubectl port-forward
                // enters the pod's own network namespace, which NetworkPolicies do not govern on common network plugins.
                policy(JAEGER, pods(JAEGER),
                        list(rule("from", pods(COLLECTOR), tcp(OTLP_GRPC)), rule("from", namespacePods(), tcp(JAEGER_UI))),
                        list()),
                policy(PROMETHEUS, pods(PROMETHEUS),
                        list(rule("from", pods(GRAFANA), tcp(PROMETHEUS_PORT))),
                        prometheusEgress),
                policy(GRAFANA, pods(GRAFANA),
                        list(rule("from", namespacePods(), tcp(GRAFANA_PORT))),
                        list(rule("to", pods(PROMETHEUS), tcp(PROMETHEUS_PORT)), rule("to", pods(JAEGER), tcp(JAEGER_UI)))),
                // Additive to each service's own policy, which lets in only its callers (the gateway's public port is
                // open to all anyway; its metrics are on its management port, below).
                policy("hailway-services-scraped", services(),
                        list(rule("from", pods(PROMETHEUS), tcp(servicePort, ISTIO_MERGED_METRICS))), null),
                policy("hailway-services-traces", services(),
                        null, list(rule("to", pods(COLLECTOR), tcp(OTLP_GRPC, OTLP_HTTP))))));
        // A port that serves metrics and nothing the service's callers use (the gateway's management port): Prometheus's alone.
        metricsPorts.forEach((service, port) -> {
            if (port != servicePort) {
                policies.add(policy(service + "-scraped", pods(service), list(rule("from", pods(PROMETHEUS), tcp(port))), null));
            }
        });
        return policies;
    }
}
