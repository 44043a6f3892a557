package dev.hailway.deploy;

import static dev.hailway.deploy.Observability.COLLECTOR;
import static dev.hailway.deploy.Observability.GRAFANA;
import static dev.hailway.deploy.Observability.JAEGER;
import static dev.hailway.deploy.Observability.PROMETHEUS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The observability component's NetworkPolicies, evaluated for every pair of pods of a rendered cluster on every
 * port the receiving pod listens on (its declared ports, and Istio's merged metrics on a service's): the collector,
 * Jaeger, Prometheus and Grafana accept and send exactly the flows of tracing and scraping, the two UIs are open to
 * the namespace, and only Prometheus leaves it, for the Kubernetes API.
 */
@SuppressWarnings("unchecked")
class ObservabilityPoliciesTest {

    private static final Topology TOPOLOGY = Topology.read(Rendering.ROOT.resolve("deploy/topology.yaml"));
    private static final List<Map<String, Object>> OBJECTS = Rendering.render(new Rendering.Combination("dev", List.of("observability")));
    private static final NetworkPolicies POLICIES = NetworkPolicies.of(new Rendering.Combination("dev", List.of("observability")));
    private static final List<String> OBSERVABILITY = List.of(COLLECTOR, JAEGER, PROMETHEUS, GRAFANA);
    /** Ports a packet to the outside might use; the API server's among them. */
    private static final List<Integer> OUTSIDE_PORTS = List.of(22, 53, 80, 443, 4317, 4318, 6443, 8080, 9090);
    private static final String NAMESPACE = "any pod of the namespace";
    private static final String OUTSIDE = "outside";
    private static final String GATEWAY = TOPOLOGY.edge().name();
    /** The gateway serves its metrics only there (services/gateway, ManagementPortEnvironmentPostProcessor; TopologyTest). */
    private static final int MANAGEMENT_PORT = TOPOLOGY.port() + Manifests.MANAGEMENT_PORT_OFFSET;

    @Test
    void theComponentRunsTheFourPodsItsPoliciesAreAbout() {
        Set<String> observability = new TreeSet<>();
        POLICIES.pods().forEach((name, labels) -> {
            if (Observability.OBSERVABILITY.equals(labels.get(Manifests.COMPONENT))) {
                observability.add(name);
            }
        });
        assertThat(observability).containsExactlyInAnyOrderElementsOf(OBSERVABILITY);
    }

    @Test
    void eachObservabilityPodAcceptsExactlyItsTelemetryClientsAndTheUisTheNamespace() {
        Set<String> accepted = new TreeSet<>();
        for (String to : OBSERVABILITY) {
            for (int port : listening(to)) {
                List<String> senders = new ArrayList<>();
                for (String from : POLICIES.pods().keySet()) {
                    if (!from.equals(to) && POLICIES.ingressAllows(from, to, port)) {
                        senders.add(from);
                    }
                }
                if (senders.size() == POLICIES.pods().size() - 1) {
                    accepted.add(flow(NAMESPACE, to, port));
                } else {
                    senders.forEach(from -> accepted.add(flow(from, to, port)));
                }
                if (POLICIES.ingressAllows(null, to, port)) {
                    accepted.add(flow(OUTSIDE, to, port));
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        TOPOLOGY.services().keySet().forEach(service -> {
            expected.add(flow(service, COLLECTOR, Observability.OTLP_GRPC));
            expected.add(flow(service, COLLECTOR, Observability.OTLP_HTTP));
        });
        expected.add(flow(PROMETHEUS, COLLECTOR, Observability.COLLECTOR_METRICS));
        expected.add(flow(COLLECTOR, JAEGER, Observability.OTLP_GRPC));
        expected.add(flow(NAMESPACE, JAEGER, Observability.JAEGER_UI));
        expected.add(flow(GRAFANA, PROMETHEUS, Observability.PROMETHEUS_PORT));
        expected.add(flow(NAMESPACE, GRAFANA, Observability.GRAFANA_PORT));

        assertThat(accepted).isEqualTo(expected);
    }

    @Test
    void eachObservabilityPodSendsExactlyItsTelemetryAndOnlyPrometheusLeavesTheNamespaceForTheApi() {
        Set<String> sent = new TreeSet<>();
        for (String from : OBSERVABILITY) {
            for (String to : POLICIES.pods().keySet()) {
                for (int port : listening(to)) {
                    if (!from.equals(to) && POLICIES.egressAllows(from, to, port)) {
                        sent.add(flow(from, to, port));
                    }
                }
            }
            for (int port : OUTSIDE_PORTS) {
                if (POLICIES.egressAllows(from, null, port)) {
                    sent.add(flow(from, OUTSIDE, port));
                }
            }
            assertThat(POLICIES.egressAllowsDns(from)).as("%s -> DNS", from).isTrue();
        }
        Set<String> expected = new TreeSet<>();
        expected.add(flow(COLLECTOR, JAEGER, Observability.OTLP_GRPC));
        TOPOLOGY.services().keySet().forEach(service -> {
            expected.add(flow(PROMETHEUS, service, metricsPort(service)));
            expected.add(flow(PROMETHEUS, service, Observability.ISTIO_MERGED_METRICS));
        });
        expected.add(flow(PROMETHEUS, COLLECTOR, Observability.COLLECTOR_METRICS));
        Observability.KUBERNETES_API.forEach(port -> expected.add(flow(PROMETHEUS, OUTSIDE, port)));
        expected.add(flow(GRAFANA, PROMETHEUS, Observability.PROMETHEUS_PORT));
        expected.add(flow(GRAFANA, JAEGER, Observability.JAEGER_UI));

        assertThat(sent).isEqualTo(expected);
    }

    /** Between Hailway's own pods (all of them under the default deny), the call graph and the telemetry, nothing else. */
    @Test
    void amongHailwayPodsTheComponentAddsExactlyTheTracingAndScrapingFlows() {
        List<String> hailway = POLICIES.pods().entrySet().stream().filter(e -> "hailway".equals(e.getValue().get(Manifests.PART_OF)))
                .map(Map.Entry::getKey).toList();
        Set<String> allowed = new TreeSet<>();
        for (String from : hailway) {
            for (String to : hailway) {
                for (int port : listening(to)) {
                    if (!from.equals(to) && POLICIES.allows(from, to, port)) {
                        allowed.add(flow(from, to, port));
                    }
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        for (String service : TOPOLOGY.services().keySet()) {
            TOPOLOGY.calleesOf(service).forEach(callee -> expected.add(flow(service, callee, TOPOLOGY.port())));
            expected.add(flow(service, COLLECTOR, Observability.OTLP_GRPC));
            expected.add(flow(service, COLLECTOR, Observability.OTLP_HTTP));
            expected.add(flow(PROMETHEUS, service, metricsPort(service)));
            expected.add(flow(PROMETHEUS, service, Observability.ISTIO_MERGED_METRICS));
        }
        expected.add(flow(COLLECTOR, JAEGER, Observability.OTLP_GRPC));
        expected.add(flow(PROMETHEUS, COLLECTOR, Observability.COLLECTOR_METRICS));
        expected.add(flow(GRAFANA, PROMETHEUS, Observability.PROMETHEUS_PORT));
        expected.add(flow(GRAFANA, JAEGER, Observability.JAEGER_UI));

        assertThat(allowed).isEqualTo(expected);
    }

    /**
     * The gateway's metrics are on its management port, which its pod declares and annotates for Prometheus, and
     * which no Service exposes; of every pod of the cluster and from outside it, only Prometheus reaches it. The public
     * port stays open to all, and serves Prometheus nothing.
     */
    @Test
    void theGatewayIsScrapedOnItsManagementPortWhichOnlyPrometheusReaches() {
        Map<String, Object> gateway = OBJECTS.stream().filter(o -> o.get("kind").equals("Deployment"))
                .filter(o -> Rendering.name(o).equals(GATEWAY)).findFirst().orElseThrow();
        Map<String, Object> metadata = (Map<String, Object>) PolicyTest.template(gateway).get("metadata");
        assertThat((Map<String, Object>) metadata.get("annotations")).containsEntry("prometheus.io/port", Integer.toString(MANAGEMENT_PORT))
                .containsEntry("prometheus.io/path", "/actuator/prometheus");
        assertThat((List<Map<String, Object>>) PolicyTest.containers(PolicyTest.podSpec(gateway)).getFirst().get("ports"))
                .contains(Map.of("name", "management", "containerPort", MANAGEMENT_PORT, "protocol", "TCP"));
        Map<String, Object> service = OBJECTS.stream().filter(o -> o.get("kind").equals("Service"))
                .filter(o -> Rendering.name(o).equals(GATEWAY)).findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) service.get("spec")).get("ports")).as("the gateway's Service")
                .noneMatch(p -> Integer.valueOf(MANAGEMENT_PORT).equals(p.get("port")) || "management".equals(p.get("targetPort"))
                        || Integer.valueOf(MANAGEMENT_PORT).equals(p.get("targetPort")));

        Set<String> reaching = new TreeSet<>();
        for (String from : POLICIES.pods().keySet()) {
            if (!from.equals(GATEWAY) && POLICIES.allows(from, GATEWAY, MANAGEMENT_PORT)) {
                reaching.add(from);
            }
        }
        assertThat(reaching).as("pods that reach %s:%d", GATEWAY, MANAGEMENT_PORT).containsExactly(PROMETHEUS);
        assertThat(POLICIES.ingressAllows(null, GATEWAY, MANAGEMENT_PORT)).as("outside -> %s:%d", GATEWAY, MANAGEMENT_PORT).isFalse();
        assertThat(POLICIES.ingressAllows(null, GATEWAY, TOPOLOGY.port())).as("the public port, from anywhere").isTrue();
        assertThat(POLICIES.allows(PROMETHEUS, GATEWAY, TOPOLOGY.port())).as("Prometheus -> the public port, which serves no metrics")
                .isFalse();
    }

    /** The port whose /actuator/prometheus Prometheus scrapes: the gateway's management port, every other service's one port. */
    private static int metricsPort(String service) {
        return service.equals(GATEWAY) ? MANAGEMENT_PORT : TOPOLOGY.port();
    }

    private static String flow(String from, String to, int port) {
        return from + " -> " + to + ":" + port;
    }

    /** The ports a pod's containers declare, and on a service's pod the sidecar's merged metrics, when the mesh is on. */
    private static Set<Integer> listening(String pod) {
        Map<String, Object> workload = OBJECTS.stream().filter(o -> List.of("Deployment", "StatefulSet").contains(o.get("kind")))
                .filter(o -> Rendering.name(o).equals(pod)).findFirst().orElseThrow();
        Set<Integer> ports = new TreeSet<>();
        for (Map<String, Object> container : PolicyTest.containers(PolicyTest.podSpec(workload))) {
            for (Map<String, Object> port : (List<Map<String, Object>>) container.getOrDefault("ports", List.of())) {
                ports.add((Integer) port.get("containerPort"));
            }
        }
        if ("service".equals(POLICIES.pods().get(pod).get(Manifests.COMPONENT))) {
            ports.add(Observability.ISTIO_MERGED_METRICS);
        }
        return ports;
    }
}
