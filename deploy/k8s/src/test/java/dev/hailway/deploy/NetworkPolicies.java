package dev.hailway.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NetworkPolicies of a rendered cluster, evaluated as Kubernetes would: a flow passes when the sender's egress
 * and the receiver's ingress both let it through, each side open only while no policy of that type selects the pod.
 * Pods are named by their workload; {@code null} is a peer outside the namespace (another namespace, a node, the
 * internet), which no pod selector of this namespace matches.
 */
@SuppressWarnings("unchecked")
final class NetworkPolicies {

    private final String label;
    private final Map<String, Map<String, Object>> pods;
    private final List<Map<String, Object>> policies;

    private NetworkPolicies(String label, List<Map<String, Object>> objects) {
        this.label = label;
        this.pods = pods(objects);
        this.policies = objects.stream().filter(o -> o.get("kind").equals("NetworkPolicy")).toList();
    }

    static NetworkPolicies of(Rendering.Combination combination) {
        return new NetworkPolicies(combination.label(), Rendering.render(combination));
    }

    @Override
    public String toString() {
        return label;
    }

    /** Every workload's pod labels, by the workload's name. */
    Map<String, Map<String, Object>> pods() {
        return pods;
    }

    /** Both sides must let it through: the sender's egress and the receiver's ingress. */
    boolean allows(String from, String to, int port) {
        return egressAllows(from, to, port) && ingressAllows(from, to, port);
    }

    boolean egressAllows(String from, String to, int port) {
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

    boolean ingressAllows(String from, String to, int port) {
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

    /** To kube-dns in kube-system on port 53: the one way out that every pod needs. */
    boolean egressAllowsDns(String from) {
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

    private List<Map<String, Object>> selecting(String pod, String type) {
        Map<String, Object> labels = pods.get(pod);
        if (labels == null) {
            throw new IllegalArgumentException("no pod " + pod + " in the rendering: " + pods.keySet());
        }
        return policies.stream().filter(p -> ((List<String>) spec(p).get("policyTypes")).contains(type))
                .filter(p -> matches((Map<String, Object>) ((Map<String, Object>) spec(p).get("podSelector")).getOrDefault("matchLabels", Map.of()), labels))
                .toList();
    }

    /** A rule's peers: none means everyone; a pod elsewhere (null) matches no selector of this namespace. */
    private boolean peers(Map<String, Object> rule, String side, String pod) {
        if (!rule.containsKey(side)) {
            return true;
        }
        for (Map<String, Object> peer : (List<Map<String, Object>>) rule.get(side)) {
            if (pod != null && !peer.containsKey("namespaceSelector") && !peer.containsKey("ipBlock")
                    && matches((Map<String, Object>) ((Map<String, Object>) peer.get("podSelector")).getOrDefault("matchLabels", Map.of()), pods.get(pod))) {
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
