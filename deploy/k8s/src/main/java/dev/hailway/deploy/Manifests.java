package dev.hailway.deploy;

import static dev.hailway.deploy.Yaml.list;
import static dev.hailway.deploy.Yaml.map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.hailway.deploy.Topology.Request;
import dev.hailway.deploy.Topology.Service;

/**
 * Writes the Kustomize base and the Istio component of deploy/k8s from deploy/topology.yaml: per service its
 * ServiceAccount, settings, Deployment, Service, autoscaler, disruption budget and NetworkPolicy; per service its
 * AuthorizationPolicy, DestinationRule and VirtualService. The overlays are written by {@link Overlays}, the
 * observability component, with the dashboards and alert rules of deploy/dashboards, by {@link Observability}.
 *
 * <pre>{@code ./mvnw -q -pl deploy/k8s exec:java@generate}</pre>
 *
 * ManifestsTest fails when the committed files differ from what this writes.
 */
public final class Manifests {

    public static final String NAMESPACE = "hailway";
    static final String NAME = "app.kubernetes.io/name";
    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String COMPONENT = "app.kubernetes.io/component";
    /** The label the data pods (PostgreSQL, Kafka) carry in every overlay, whatever runs them. */
    static final String DATA = "hailway.dev/data";
    static final String POSTGRES_HOST = "hailway-postgres-rw";
    static final String KAFKA_BOOTSTRAP = "hailway-kafka-bootstrap:9092";
    /**
     * Measured: 167–286 MB resident per service when idle (identity the largest, with Argon2), 2026-12-01,
     * `podman stats` of the platform from images. Requests: that and some 15 % more; limit: the 512 MiB every
     * container has locally, of which the JVM takes 30 % as heap (-XX:MaxRAMPercentage in the image).
     */
    static final String MEMORY_REQUEST = "320Mi";
    static final String MEMORY_LIMIT = "512Mi";
    static final String CPU_REQUEST = "100m";
    static final String CPU_LIMIT = "1";
    /** preStop lets endpoints drop the pod before it stops taking requests; then Boot's graceful shutdown (30 s). */
    static final int PRE_STOP_SECONDS = 5;
    static final int SHUTDOWN_SECONDS = 30;
    static final int TERMINATION_GRACE_SECONDS = 45;
    /**
     * The gateway serves its actuator, metrics among them, only on a management port this far above its public one
     * (ManagementPortEnvironmentPostProcessor.OFFSET in services/gateway; TopologyTest holds the two together). No
     * Service exposes it: Prometheus, which scrapes pods, is the one client its NetworkPolicy lets in.
     */
    static final int MANAGEMENT_PORT_OFFSET = 10;

    private final Topology topology;

    Manifests(Topology topology) {
        this.topology = topology;
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        generate(root, root.resolve("deploy/k8s"));
        System.out.println("wrote deploy/k8s/base, components/istio, components/observability and overlays from deploy/topology.yaml "
                + "and deploy/dashboards");
    }

    /** Writes every generated file under {@code k8s} (deploy/k8s, or a directory of a test to compare). */
    public static void generate(Path root, Path k8s) {
        Topology topology = Topology.read(root.resolve("deploy/topology.yaml"));
        var manifests = new Manifests(topology);
        manifests.writeBase(k8s.resolve("base"));
        manifests.writeIstio(k8s.resolve("components/istio"));
        new Observability(root.resolve("deploy/dashboards"), topology.port(), manifests.metricsPorts()).write(k8s.resolve("components/observability"));
        new Overlays(topology).write(k8s.resolve("overlays"));
    }

    // ---- base

    void writeBase(Path base) {
        List<String> resources = new ArrayList<>(List.of("network-policies.yaml"));
        Yaml.write(base.resolve("network-policies.yaml"), "", List.of(defaultDeny(), dns()));
        for (Service service : topology.services().values()) {
            resources.add(service.name() + ".yaml");
            Yaml.write(base.resolve(service.name() + ".yaml"), service.singletonReason() == null ? ""
                            : "One instance: " + service.singletonReason() + ".",
                    List.of(serviceAccount(service), settings(service), deployment(service), kubernetesService(service),
                            autoscaler(service), disruptionBudget(service), networkPolicy(service)));
        }
        Yaml.write(base.resolve("kustomization.yaml"), "", List.of(map(
                "apiVersion", "kustomize.config.k8s.io/v1beta1",
                "kind", "Kustomization",
                "resources", resources)));
    }

    static Map<String, Object> labels(String name, String component) {
        return map(NAME, name, PART_OF, "hailway", COMPONENT, component);
    }

    static Map<String, Object> metadata(String name, Map<String, Object> labels) {
        return map("name", name, "labels", labels);
    }

    private Map<String, Object> serviceAccount(Service service) {
        return map("apiVersion", "v1", "kind", "ServiceAccount",
                "metadata", metadata(service.name(), labels(service.name(), "service")),
                // The services never call the Kubernetes API.
                "automountServiceAccountToken", false);
    }

    /** The settings that are no secret, as environment variables (docs/CONVENTIONS.md); the secrets come from {@code <name>-credentials}. */
    Map<String, Object> settings(Service service) {
        Map<String, Object> env = new TreeMap<>();
        env.put("SERVER_PORT", Integer.toString(topology.port()));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", KAFKA_BOOTSTRAP);
        env.put("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE", SHUTDOWN_SECONDS + "s");
        env.put("HAILWAY_SECURITY_JWKS_URI", url("identity") + "/api/auth/jwks");
        if (service.database()) {
            env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://" + POSTGRES_HOST + ":5432/" + service.name());
            env.put("SPRING_DATASOURCE_USERNAME", service.name());
            env.put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "10");
        }
        if (service.serviceClient()) {
            env.put("HAILWAY_SECURITY_SERVICE_CLIENT_ID", service.name());
            env.put("HAILWAY_SECURITY_SERVICE_TOKEN_URI", url("identity") + "/internal/auth/service-token");
        }
        for (String callee : topology.calleesOf(service.name())) {
            if (service.edge()) {
                env.put("HAILWAY_GATEWAY_ROUTES_" + callee.toUpperCase(Locale.ROOT), url(callee));
            } else if (!callee.equals("identity")) {
                env.put("HAILWAY_SERVICES_" + callee.toUpperCase(Locale.ROOT) + "_URL", url(callee));
            }
        }
        if (service.name().equals("identity")) {
            env.put("HAILWAY_IDENTITY_OPERATOR_EMAIL", "operator@hailway.local");
        }
        return map("apiVersion", "v1", "kind", "ConfigMap", "metadata", metadata(service.name(), labels(service.name(), "service")),
                "data", env);
    }

    /** The gateway's management port, where its actuator and nothing else answers. */
    int managementPort() {
        return topology.port() + MANAGEMENT_PORT_OFFSET;
    }

    /** Where each service's pod serves {@code /actuator/prometheus}: the gateway on its management port, the others on their one port. */
    Map<String, Integer> metricsPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        topology.services().values().forEach(service -> ports.put(service.name(), service.edge() ? managementPort() : topology.port()));
        return ports;
    }

    private String url(String service) {
        return "http://" + service + ":" + topology.port();
    }

    Map<String, Object> deployment(Service service) {
        Map<String, Object> selector = map(NAME, service.name());
        Map<String, Object> probe = map("path", "/actuator/health/liveness", "port", "http");
        List<Object> ports = list(map("name", "http", "containerPort", topology.port(), "protocol", "TCP"));
        if (service.edge()) {
            ports.add(map("name", "management", "containerPort", managementPort(), "protocol", "TCP"));
        }
        Map<String, Object> container = map(
                "name", service.name(),
                "image", "hailway/" + service.name(),
                "imagePullPolicy", "IfNotPresent",
                "ports", ports,
                "envFrom", service.database() || service.serviceClient()
                        ? list(map("configMapRef", map("name", service.name())), map("secretRef", map("name", service.name() + "-credentials")))
                        : list(map("configMapRef", map("name", service.name()))),
                "resources", map("requests", map("cpu", CPU_REQUEST, "memory", MEMORY_REQUEST),
                        "limits", map("cpu", CPU_LIMIT, "memory", MEMORY_LIMIT)),
                // Up to two minutes to start on a busy node; then readiness takes it out of rotation quickly, and
                // liveness restarts it only when it is stuck.
                "startupProbe", map("httpGet", probe, "periodSeconds", 2, "timeoutSeconds", 2, "failureThreshold", 60),
                "readinessProbe", map("httpGet", map("path", "/actuator/health/readiness", "port", "http"),
                        "periodSeconds", 5, "timeoutSeconds", 2, "failureThreshold", 3),
                "livenessProbe", map("httpGet", probe, "periodSeconds", 10, "timeoutSeconds", 2, "failureThreshold", 3),
                "lifecycle", map("preStop", map("sleep", map("seconds", PRE_STOP_SECONDS))),
                "securityContext", map("runAsNonRoot", true, "readOnlyRootFilesystem", true, "allowPrivilegeEscalation", false,
                        "capabilities", map("drop", list("ALL"))),
                "volumeMounts", list(map("name", "tmp", "mountPath", "/tmp")));
        Map<String, Object> pod = map(
                "serviceAccountName", service.name(),
                "automountServiceAccountToken", false,
                "terminationGracePeriodSeconds", TERMINATION_GRACE_SECONDS,
                "securityContext", map("runAsNonRoot", true, "runAsUser", 10001, "runAsGroup", 10001, "fsGroup", 10001,
                        "seccompProfile", map("type", "RuntimeDefault")),
                "topologySpreadConstraints", list(
                        spread("topology.kubernetes.io/zone", selector), spread("kubernetes.io/hostname", selector)),
                "containers", list(container),
                "volumes", list(map("name", "tmp", "emptyDir", map("medium", "Memory", "sizeLimit", "64Mi"))));
        return map("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", metadata(service.name(), labels(service.name(), "service")),
                "spec", map(
                        "replicas", service.minReplicas(),
                        "revisionHistoryLimit", 5,
                        "selector", map("matchLabels", selector),
                        // A singleton cannot have two at once: Recreate; the others roll one new pod in before one goes.
                        "strategy", service.maxReplicas() == 1 ? map("type", "Recreate")
                                : map("type", "RollingUpdate", "rollingUpdate", map("maxSurge", 1, "maxUnavailable", 0)),
                        "template", map(
                                "metadata", map("labels", labels(service.name(), "service"),
                                        // Where Prometheus finds the metrics; Istio rewrites these to its merged endpoint.
                                        "annotations", map("prometheus.io/scrape", "true",
                                                "prometheus.io/port", Integer.toString(metricsPorts().get(service.name())),
                                                "prometheus.io/path", "/actuator/prometheus")),
                                "spec", pod)));
    }

    private static Map<String, Object> spread(String key, Map<String, Object> selector) {
        return map("maxSkew", 1, "topologyKey", key, "whenUnsatisfiable", "ScheduleAnyway", "labelSelector", map("matchLabels", selector));
    }

    private Map<String, Object> kubernetesService(Service service) {
        return map("apiVersion", "v1", "kind", "Service", "metadata", metadata(service.name(), labels(service.name(), "service")),
                "spec", map("selector", map(NAME, service.name()),
                        "ports", list(map("name", "http", "port", topology.port(), "targetPort", "http", "protocol", "TCP",
                                "appProtocol", "http"))));
    }

    private Map<String, Object> autoscaler(Service service) {
        return map("apiVersion", "autoscaling/v2", "kind", "HorizontalPodAutoscaler",
                "metadata", metadata(service.name(), labels(service.name(), "service")),
                "spec", map(
                        "scaleTargetRef", map("apiVersion", "apps/v1", "kind", "Deployment", "name", service.name()),
                        "minReplicas", service.minReplicas(),
                        "maxReplicas", service.maxReplicas(),
                        "metrics", list(map("type", "Resource", "resource", map("name", "cpu",
                                "target", map("type", "Utilization", "averageUtilization", 70)))),
                        // JVMs burn CPU while they start: give a new pod time before judging the load again.
                        "behavior", map(
                                "scaleUp", map("stabilizationWindowSeconds", 60),
                                "scaleDown", map("stabilizationWindowSeconds", 300))));
    }

    private Map<String, Object> disruptionBudget(Service service) {
        // With two or more, a drain keeps one serving; a singleton may be moved (it restarts elsewhere).
        Map<String, Object> spec = service.minReplicas() > 1
                ? map("minAvailable", 1, "selector", map("matchLabels", map(NAME, service.name())))
                : map("maxUnavailable", 1, "selector", map("matchLabels", map(NAME, service.name())));
        return map("apiVersion", "policy/v1", "kind", "PodDisruptionBudget",
                "metadata", metadata(service.name(), labels(service.name(), "service")), "spec", spec);
    }

    /** Exactly the flows of the topology: who may call this service, and whom it may reach. */
    Map<String, Object> networkPolicy(Service service) {
        List<Object> ingress = new ArrayList<>();
        Map<String, Object> http = map("protocol", "TCP", "port", topology.port());
        if (service.edge()) {
            ingress.add(map("ports", list(http)));  // the public entry: from anywhere
        } else {
            List<Object> from = new ArrayList<>();
            topology.callersOf(service.name()).forEach(caller -> from.add(map("podSelector", map("matchLabels", map(NAME, caller)))));
            if (!from.isEmpty()) {
                ingress.add(map("from", from, "ports", list(http)));
            }
        }
        List<Object> egress = new ArrayList<>();
        List<Object> callees = new ArrayList<>();
        topology.calleesOf(service.name()).forEach(callee -> callees.add(map("podSelector", map("matchLabels", map(NAME, callee)))));
        if (!callees.isEmpty()) {
            egress.add(map("to", callees, "ports", list(http)));
        }
        if (service.database()) {
            egress.add(map("to", list(map("podSelector", map("matchLabels", map(DATA, "postgres")))),
                    "ports", list(map("protocol", "TCP", "port", 5432))));
        }
        egress.add(map("to", list(map("podSelector", map("matchLabels", map(DATA, "kafka")))),
                "ports", list(map("protocol", "TCP", "port", 9092))));
        return map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", metadata(service.name(), labels(service.name(), "service")),
                "spec", map("podSelector", map("matchLabels", map(NAME, service.name())),
                        "policyTypes", list("Ingress", "Egress"), "ingress", ingress, "egress", egress));
    }

    private static Map<String, Object> defaultDeny() {
        return map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", metadata("hailway-default-deny", map(PART_OF, "hailway")),
                "spec", map("podSelector", map("matchLabels", map(PART_OF, "hailway")), "policyTypes", list("Ingress", "Egress")));
    }

    private static Map<String, Object> dns() {
        Map<String, Object> port53 = map("protocol", "UDP", "port", 53);
        return map("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", metadata("hailway-dns", map(PART_OF, "hailway")),
                "spec", map("podSelector", map("matchLabels", map(PART_OF, "hailway")), "policyTypes", list("Egress"),
                        "egress", list(map(
                                "to", list(map("namespaceSelector", map("matchLabels", map("kubernetes.io/metadata.name", "kube-system")),
                                        "podSelector", map("matchLabels", map("k8s-app", "kube-dns")))),
                                "ports", list(port53, map("protocol", "TCP", "port", 53))))));
    }

    // ---- Istio

    void writeIstio(Path istio) {
        List<String> resources = new ArrayList<>(List.of("mesh.yaml"));
        Yaml.write(istio.resolve("mesh.yaml"), "Mutual TLS everywhere, and the one way in: Istio's ingress gateway to Hailway's.",
                List.of(peerAuthentication(), ingressGateway(), ingressRoute()));
        for (Service service : topology.services().values()) {
            resources.add(service.name() + ".yaml");
            Yaml.write(istio.resolve(service.name() + ".yaml"), "", List.of(authorizationPolicy(service), destinationRule(service),
                    virtualService(service)));
        }
        Yaml.write(istio.resolve("kustomization.yaml"), """
                The service mesh, opt in: sidecars in the namespace, STRICT mutual TLS, an AuthorizationPolicy per service that
                allows exactly its callers (service-account principals of the namespace hailway), connection pools and outlier
                detection, and timeouts and retries that agree with the services' own (deploy/README.md: which layer retries).""",
                List.of(map(
                        "apiVersion", "kustomize.config.k8s.io/v1alpha1",
                        "kind", "Component",
                        "resources", resources,
                        "patches", list(
                                map("target", map("kind", "Namespace", "name", NAMESPACE),
                                        "patch", "- op: add\n  path: /metadata/labels/istio-injection\n  value: enabled\n"),
                                map("target", map("kind", "Deployment", "labelSelector", COMPONENT + "=service"),
                                        "patch", sidecarPatch())))));
    }

    /**
     * STRICT mTLS would fail the kubelet's plain-text probes: the sidecar answers them instead (rewriteAppHTTPProbers)
     * and merges the app's metrics into its own endpoint for Prometheus. The app starts after its sidecar, and the
     * sidecar drains for as long as the app's graceful shutdown takes.
     */
    private static String sidecarPatch() {
        return """
                - op: add
                  path: /spec/template/metadata/annotations/sidecar.istio.io~1rewriteAppHTTPProbers
                  value: "true"
                - op: add
                  path: /spec/template/metadata/annotations/proxy.istio.io~1config
                  value: '{"holdApplicationUntilProxyStarts": true, "terminationDrainDuration": "%ds"}'
                """.formatted(SHUTDOWN_SECONDS);
    }

    private static Map<String, Object> peerAuthentication() {
        return map("apiVersion", "security.istio.io/v1", "kind", "PeerAuthentication",
                "metadata", meshMetadata("hailway", map(PART_OF, "hailway")),
                "spec", map("mtls", map("mode", "STRICT")));
    }

    private static Map<String, Object> ingressGateway() {
        return map("apiVersion", "networking.istio.io/v1", "kind", "Gateway",
                "metadata", meshMetadata("hailway", map(PART_OF, "hailway")),
                "spec", map("selector", map("istio", "ingressgateway"),
                        "servers", list(map("port", map("number", 80, "name", "http", "protocol", "HTTP"), "hosts", list("*")))));
    }

    private Map<String, Object> ingressRoute() {
        String edge = topology.edge().name();
        return map("apiVersion", "networking.istio.io/v1", "kind", "VirtualService",
                "metadata", meshMetadata("hailway-ingress", map(PART_OF, "hailway")),
                "spec", map("hosts", list("*"), "gateways", list("hailway"),
                        "http", list(map("route", list(map("destination", map("host", edge, "port", map("number", topology.port()))))))));
    }

    /** The mesh's objects name their namespace themselves: the principals in them assume it, whatever uses the component. */
    static Map<String, Object> meshMetadata(String name, Map<String, Object> labels) {
        return map("name", name, "namespace", NAMESPACE, "labels", labels);
    }

    static String principal(String service) {
        return "cluster.local/ns/" + NAMESPACE + "/sa/" + service;
    }

    static final String INGRESS_PRINCIPAL = "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account";

    Map<String, Object> authorizationPolicy(Service service) {
        List<Object> rules = new ArrayList<>();
        if (service.edge()) {
            // The public port only: nothing in the mesh may reach the management port through the sidecar. Prometheus
            // has no sidecar and reads the app's metrics merged into the sidecar's own (15020), which bypasses it.
            rules.add(map("from", list(map("source", map("principals", list(INGRESS_PRINCIPAL)))),
                    "to", list(map("operation", map("ports", list(Integer.toString(topology.port())))))));
        }
        for (String caller : topology.callersOf(service.name())) {
            List<Request> requests = topology.requests(caller, service.name());
            Map<String, List<String>> pathsByMethod = new TreeMap<>();
            requests.forEach(r -> pathsByMethod.computeIfAbsent(r.method(), m -> new ArrayList<>()).add(r.path()));
            List<Object> to = new ArrayList<>();
            pathsByMethod.forEach((method, paths) -> to.add(map("operation",
                    method.equals("*") ? map("paths", paths) : map("methods", list(method), "paths", paths))));
            rules.add(map("from", list(map("source", map("principals", list(principal(caller))))), "to", to));
        }
        return map("apiVersion", "security.istio.io/v1", "kind", "AuthorizationPolicy",
                "metadata", meshMetadata(service.name(), labels(service.name(), "service")),
                // ALLOW with these rules: whatever matches none of them is denied.
                "spec", map("selector", map("matchLabels", map(NAME, service.name())), "action", "ALLOW", "rules", rules));
    }

    private Map<String, Object> destinationRule(Service service) {
        return map("apiVersion", "networking.istio.io/v1", "kind", "DestinationRule",
                "metadata", meshMetadata(service.name(), labels(service.name(), "service")),
                "spec", map("host", service.name(), "trafficPolicy", map(
                        "tls", map("mode", "ISTIO_MUTUAL"),
                        "connectionPool", map(
                                "tcp", map("maxConnections", 200, "connectTimeout", "2s"),
                                "http", map("http1MaxPendingRequests", 100, "http2MaxRequests", 400, "idleTimeout", "60s")),
                        // An instance answering 5xx five times in a row is taken out for 30 s; never more than half.
                        "outlierDetection", map("consecutive5xxErrors", 5, "interval", "10s", "baseEjectionTime", "30s",
                                "maxEjectionPercent", 50))));
    }

    /**
     * One layer retries a call, never two. Where the caller retries itself (dispatch → location: Resilience4j, 2 s
     * per attempt, 2 retries with backoff), the mesh does not, and its timeout per request sits above the caller's per
     * attempt. Everywhere else the mesh retries only what never reached the service (connect-failure, refused-stream,
     * unavailable), which is safe for a POST too, within the gateway's own 10 s. Streams (notifications) have no timeout.
     */
    Map<String, Object> virtualService(Service service) {
        Map<String, Object> route = map("destination", map("host", service.name(), "port", map("number", topology.port())));
        Map<String, Object> http = switch (service.name()) {
            case "notifications" -> map("route", list(route), "timeout", "0s", "retries", map("attempts", 0));
            case "location" -> map("route", list(route), "timeout", "3s", "retries", map("attempts", 0));
            default -> map("route", list(route), "timeout", "10s",
                    "retries", map("attempts", 2, "perTryTimeout", "5s", "retryOn", "connect-failure,refused-stream,unavailable"));
        };
        return map("apiVersion", "networking.istio.io/v1", "kind", "VirtualService",
                "metadata", meshMetadata(service.name(), labels(service.name(), "service")),
                "spec", map("hosts", list(service.name()), "http", list(http)));
    }
}
