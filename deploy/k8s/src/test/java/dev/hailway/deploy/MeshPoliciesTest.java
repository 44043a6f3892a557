package dev.hailway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The mesh as rendered: mutual TLS required, each service open to exactly the service accounts that call it and
 * only for the requests they make, and retries in one layer only.
 */
@SuppressWarnings("unchecked")
class MeshPoliciesTest {

    private static final Topology TOPOLOGY = Topology.read(Rendering.ROOT.resolve("deploy/topology.yaml"));
    private static final List<Map<String, Object>> OBJECTS = Rendering.render(new Rendering.Combination("dev", List.of("istio")));

    @Test
    void mutualTlsIsStrictForTheWholeNamespaceAndSidecarsAreInjected() {
        Map<String, Object> peer = only("PeerAuthentication");
        assertThat(namespace(peer)).isEqualTo(Manifests.NAMESPACE);
        assertThat(spec(peer)).doesNotContainKey("selector").containsEntry("mtls", Map.of("mode", "STRICT"));
        Map<String, Object> namespace = OBJECTS.stream().filter(o -> o.get("kind").equals("Namespace")).findFirst().orElseThrow();
        assertThat(PolicyTest.labels(namespace)).containsEntry("istio-injection", "enabled");
    }

    @Test
    void eachServiceAllowsExactlyTheServiceAccountsThatCallItAndOnlyTheirRequests() {
        Map<String, String> accountOfService = new java.util.HashMap<>();
        for (Map<String, Object> deployment : OBJECTS.stream().filter(o -> o.get("kind").equals("Deployment")).toList()) {
            accountOfService.put(Rendering.name(deployment), (String) PolicyTest.podSpec(deployment).get("serviceAccountName"));
        }
        for (var service : TOPOLOGY.services().values()) {
            Map<String, Object> policy = OBJECTS.stream().filter(o -> o.get("kind").equals("AuthorizationPolicy"))
                    .filter(o -> Rendering.name(o).equals(service.name())).findFirst().orElseThrow();
            assertThat(namespace(policy)).isEqualTo(Manifests.NAMESPACE);
            assertThat(spec(policy)).containsEntry("action", "ALLOW")
                    .containsEntry("selector", Map.of("matchLabels", Map.of(Manifests.NAME, service.name())));

            Set<String> callers = new TreeSet<>();
            for (Map<String, Object> rule : (List<Map<String, Object>>) spec(policy).get("rules")) {
                List<String> principals = (List<String>) ((Map<String, Object>) ((List<Map<String, Object>>) rule.get("from")).getFirst().get("source")).get("principals");
                assertThat(principals).hasSize(1);
                String principal = principals.getFirst();
                if (principal.equals(Manifests.INGRESS_PRINCIPAL)) {
                    assertThat(service.edge()).as("only the edge is open to the ingress gateway").isTrue();
                    continue;
                }
                String caller = accountOfService.entrySet().stream()
                        .filter(e -> principal.equals("cluster.local/ns/" + Manifests.NAMESPACE + "/sa/" + e.getValue()))
                        .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError(principal + " is no service's account"));
                callers.add(caller);
                assertThat(requests(rule)).as("%s -> %s", caller, service.name())
                        .containsExactlyInAnyOrderElementsOf(TOPOLOGY.requests(caller, service.name()).stream()
                                .map(r -> r.method() + " " + r.path()).toList());
            }
            assertThat(callers).as("callers of %s", service.name()).isEqualTo(new TreeSet<>(TOPOLOGY.callersOf(service.name())));
        }
    }

    /**
     * Through the sidecar the ingress gateway reaches the gateway's public port only, and nothing its management port:
     * Prometheus, which has no sidecar, reads the app's metrics merged into the sidecar's own (15020, outside the
     * AuthorizationPolicies), from the port the pod's annotation names, which stays the management port.
     */
    @Test
    void inTheMeshNothingReachesTheGatewaysManagementPortThroughTheSidecar() {
        String gateway = TOPOLOGY.edge().name();
        String management = Integer.toString(TOPOLOGY.port() + Manifests.MANAGEMENT_PORT_OFFSET);
        List<Map<String, Object>> policies = OBJECTS.stream().filter(o -> o.get("kind").equals("AuthorizationPolicy"))
                .filter(o -> !((Map<String, Object>) spec(o).getOrDefault("selector", Map.of())).containsKey("matchLabels")
                        || Map.of(Manifests.NAME, gateway).equals(((Map<String, Object>) spec(o).get("selector")).get("matchLabels")))
                .toList();
        assertThat(policies).hasSize(1);
        assertThat(spec(policies.getFirst())).containsEntry("action", "ALLOW");
        for (Map<String, Object> rule : (List<Map<String, Object>>) spec(policies.getFirst()).get("rules")) {
            List<Map<String, Object>> to = (List<Map<String, Object>>) rule.get("to");
            assertThat(to).as("a rule without operations allows every port").isNotEmpty();
            for (Map<String, Object> operation : to) {
                assertThat((List<String>) ((Map<String, Object>) operation.get("operation")).get("ports")).as("ports of %s", rule)
                        .containsExactly(Integer.toString(TOPOLOGY.port()));
            }
        }
        Map<String, Object> deployment = OBJECTS.stream().filter(o -> o.get("kind").equals("Deployment"))
                .filter(o -> Rendering.name(o).equals(gateway)).findFirst().orElseThrow();
        Map<String, Object> annotations = (Map<String, Object>) ((Map<String, Object>) PolicyTest.template(deployment).get("metadata"))
                .get("annotations");
        assertThat(annotations).as("what the sidecar merges from").containsEntry("prometheus.io/port", management)
                .containsEntry("sidecar.istio.io/rewriteAppHTTPProbers", "true");
    }

    @Test
    void theMeshDoesNotRetryWhereTheCallerAlreadyDoes() throws IOException {
        Map<String, Object> location;
        try (InputStream in = Files.newInputStream(Rendering.ROOT.resolve("services/dispatch/src/main/resources/application.yml"))) {
            Map<String, Object> settings = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            location = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) settings.get("hailway")).get("dispatch")).get("location");
        }
        assertThat((Integer) location.get("retries")).as("dispatch retries its calls to location itself").isPositive();
        Map<String, Object> route = route("location");

        assertThat(((Map<String, Object>) route.get("retries")).get("attempts")).as("so the mesh does not").isEqualTo(0);
        assertThat(Duration.parse("PT" + route.get("timeout")))
                .as("and gives each of dispatch's attempts (%s) the time it has", location.get("timeout"))
                .isGreaterThan(Duration.parse("PT" + location.get("timeout")));
    }

    @Test
    void elsewhereTheMeshRetriesOnlyWhatNeverReachedTheServiceWithinTheGatewaysTimeout() {
        for (var service : TOPOLOGY.services().values()) {
            Map<String, Object> route = route(service.name());
            Map<String, Object> retries = (Map<String, Object>) route.get("retries");
            if ((Integer) retries.get("attempts") > 0) {
                assertThat(Set.of(((String) retries.get("retryOn")).split(",")))
                        .as("%s: conditions under which no request reached the service, so a POST is safe to resend", service.name())
                        .isSubsetOf("connect-failure", "refused-stream", "unavailable");
                assertThat(Duration.parse("PT" + route.get("timeout"))).as(service.name()).isLessThanOrEqualTo(Duration.ofSeconds(10));
            }
        }
        assertThat(route("notifications")).as("streams stay open").containsEntry("timeout", "0s");
    }

    private static Map<String, Object> route(String service) {
        Map<String, Object> virtualService = OBJECTS.stream().filter(o -> o.get("kind").equals("VirtualService"))
                .filter(o -> Rendering.name(o).equals(service)).findFirst().orElseThrow();
        return ((List<Map<String, Object>>) spec(virtualService).get("http")).getFirst();
    }

    private static Set<String> requests(Map<String, Object> rule) {
        Set<String> requests = new LinkedHashSet<>();
        for (Map<String, Object> to : (List<Map<String, Object>>) rule.get("to")) {
            Map<String, Object> operation = (Map<String, Object>) to.get("operation");
            List<String> methods = (List<String>) operation.getOrDefault("methods", List.of("*"));
            for (String method : methods) {
                for (String path : (List<String>) operation.get("paths")) {
                    requests.add(method + " " + path);
                }
            }
        }
        return requests;
    }

    private static Map<String, Object> only(String kind) {
        List<Map<String, Object>> found = OBJECTS.stream().filter(o -> o.get("kind").equals(kind)).toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private static String namespace(Map<String, Object> object) {
        return (String) ((Map<String, Object>) object.get("metadata")).get("namespace");
    }

    private static Map<String, Object> spec(Map<String, Object> object) {
        return (Map<String, Object>) object.get("spec");
    }
}
