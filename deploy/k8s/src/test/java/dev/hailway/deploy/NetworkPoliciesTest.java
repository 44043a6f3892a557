package dev.hailway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The NetworkPolicies of a rendered cluster, evaluated as Kubernetes would for every pair of pods and port: they let
 * through exactly the flows of deploy/topology.yaml — the gateway's routes, the service-to-service calls, each
 * service to its database and to Kafka — and nothing more.
 */
@SuppressWarnings("unchecked")
class NetworkPoliciesTest {

    private static final Topology TOPOLOGY = Topology.read(Rendering.ROOT.resolve("deploy/topology.yaml"));
    private static final List<Map<String, Object>> OBJECTS = Rendering.render(new Rendering.Combination("dev", List.of()));
    private static final Map<String, Map<String, Object>> PODS = pods(OBJECTS);
    private static final List<Map<String, Object>> POLICIES = OBJECTS.stream().filter(o -> o.get("kind").equals("NetworkPolicy")).toList();

    @Test
    void servicesReachEachOtherExactlyAlongTheCallGraph() {
        Set<String> allowed = new TreeSet<>();
        Set<String> expected = new TreeSet<>();
        for (String from : TOPOLOGY.services().keySet()) {
            for (String to : TOPOLOGY.services().keySet()) {
                if (!from.equals(to) && allows(from, to, TOPOLOGY.port())) {
                    allowed.add(from + " -> " + to);
                }
            }
            TOPOLOGY.calleesOf(from).forEach(to -> expected.add(from + " -> " + to));
        }
        assertThat(allowed).isEqualTo(expected);
    }

    @Test
    void eachServiceReachesItsDatabaseIfItHasOneAndKafka() {
        for (var service : TOPOLOGY.services().values()) {
            assertThat(allows(service.name(), "hailway-postgres", 5432)).as("%s -> PostgreSQL", service.name()).isEqualTo(service.database());
            assertThat(allows(service.name(), "hailway-kafka", 9092)).as("%s -> Kafka", service.name()).isTrue();
            assertThat(allows(service.name(), "hailway-postgres", 9092)).as("%s -> PostgreSQL on another port", service.name()).isFalse();
        }
    }

    @Test
    void onlyTheGatewayIsReachableFromOutside() {
        for (String service : TOPOLOGY.services().keySet()) {
            assertThat(ingressAllows(null, service, TOPOLOGY.port())).as("outside -> %s", service).isEqualTo(TOPOLOGY.services().get(service).edge());
        }
        assertThat(ingressAllows(null, "hailway-postgres", 5432)).isFalse();
        assertThat(ingressAllows(null, "hailway-kafka", 9092)).isFalse();
    }

    @Test
    void aServiceReachesNothingOutsideTheClusterButDns() {
        for (String service : TOPOLOGY.services().keySet()) {
            assertThat(egressAllows(service, null, 443)).as("%s -> the internet", service).isFalse();
            assertThat(egressAllowsDns(service)).as("%s -> DNS", service).isTrue();
        }
    }

    /** Both sides must let it through: the sender's egress and the receiver's ingress. */
    private static boolean allows(String from, String to, int port) {
        return egressAllows(from, to, port) && ingressAllows(from, to, port);
    }

    private static boolean egressAllows(String from, String to, int port) {
        List<Map<String, Object>> selecting = selecting(from, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        for (Map<String, Object> policy : selecting) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) spec(policy).getOrDefault("egress", List.of())) {
                if (ports(rule, port) && peers(rule, "to", to)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean ingressAllows(String from, String to, int port) {
        List<Map<String, Object>> selecting = selecting(to, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        for (Map<String, Object> policy : selecting) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) spec(policy).getOrDefault("ingress", List.of())) {
                if (ports(rule, port) && peers(rule, "from", from)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean egressAllowsDns(String from) {
        for (Map<String, Object> policy : selecting(from, "Egress")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) spec(policy).getOrDefault("egress", List.of())) {
                List<Map<String, Object>> to = (List<Map<String, Object>>) rule.getOrDefault("to", List.of());
                boolean kubeDns = to.stream().anyMatch(peer -> peer.containsKey("namespaceSelector")
                        && Map.of("k8s-app", "kube-dns").equals(((Map<String, Object>) peer.get("podSelector")).get("matchLabels")));
                if (kubeDns && ports(rule, 53)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Map<String, Object>> selecting(String pod, String type) {
        Map<String, Object> labels = PODS.get(pod);
        return POLICIES.stream().filter(p -> ((List<String>) spec(p).get("policyTypes")).contains(type))
                .filter(p -> matches((Map<String, Object>) ((Map<String, Object>) spec(p).get("podSelector")).getOrDefault("matchLabels", Map.of()), labels))
                .toList();
    }

    /** A rule's peers: none means everyone; a pod elsewhere (null) matches no selector of this namespace. */
    private static boolean peers(Map<String, Object> rule, String side, String pod) {
        if (!rule.containsKey(side)) {
            return true;
        }
        for (Map<String, Object> peer : (List<Map<String, Object>>) rule.get(side)) {
            if (pod != null && !peer.containsKey("namespaceSelector") && !peer.containsKey("ipBlock")
                    && matches((Map<String, Object>) ((Map<String, Object>) peer.get("podSelector")).getOrDefault("matchLabels", Map.of()), PODS.get(pod))) {
                return true;
            }
        }
        return false;
    }

    private static boolean ports(Map<String, Object> rule, int port) {
        if (!rule.containsKey("ports")) {
            return true;
        }
        return ((List<Map<String, Object>>) rule.get("ports")).stream().anyMatch(p -> Integer.valueOf(port).equals(p.get("port")));
    }

    private static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        return labels.entrySet().containsAll(selector.entrySet());
    }

    private static Map<String, Object> spec(Map<String, Object> object) {
        return (Map<String, Object>) object.get("spec");
    }

    private static Map<String, Map<String, Object>> pods(List<Map<String, Object>> objects) {
        Map<String, Map<String, Object>> pods = new LinkedHashMap<>();
        for (Map<String, Object> workload : PolicyTest.workloads(objects)) {
            pods.put(Rendering.name(workload), (Map<String, Object>) ((Map<String, Object>) PolicyTest.template(workload).get("metadata")).get("labels"));
        }
        return pods;
    }
}
