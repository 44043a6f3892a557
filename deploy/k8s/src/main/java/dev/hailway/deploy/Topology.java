package dev.hailway.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * deploy/topology.yaml: the services, who calls whom over HTTP (with the requests), who publishes and consumes
 * which topic, and the topics' settings. The manifests are generated from it ({@link Manifests}); TopologyTest holds
 * it to the code.
 */
public record Topology(int port, Map<String, Topic> topics, Map<String, Service> services) {

    /** @param cleanupPolicy {@code delete} or {@code compact}; {@code retentionDays} only for {@code delete} */
    public record Topic(String name, int partitions, String cleanupPolicy, int retentionDays) {
    }

    /**
     * @param routes what the gateway routes to this service, as Istio path patterns ({@code /api/trips/*})
     * @param edge   the public entry: reachable from outside the cluster
     * @param maxReplicas how far it may scale out; 1 where several instances are not yet proven correct
     */
    public record Service(String name, boolean database, List<String> publishes, List<String> consumes, List<Call> calls,
                          List<String> routes, boolean edge, int maxReplicas, String singletonReason) {

        public int minReplicas() {
            return maxReplicas > 1 ? 2 : 1;
        }

        /** Every service but the gateway gets client credentials for identity's service tokens. */
        public boolean serviceClient() {
            return !edge;
        }
    }

    public record Call(String service, List<Request> requests) {
    }

    public record Request(String method, String path) {

        static Request parse(String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a request is 'METHOD /path', not: " + text);
            }
            return new Request(parts[0], parts[1]);
        }
    }

    public static Topology read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return from(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Topology from(Map<String, Object> root) {
        int port = (Integer) root.get("port");
        Map<String, Topic> topics = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) root.get("topics")).forEach((name, settings) -> topics.put(name, new Topic(name,
                (Integer) settings.get("partitions"), (String) settings.getOrDefault("cleanupPolicy", "delete"),
                (Integer) settings.getOrDefault("retentionDays", 0))));
        Map<String, Service> services = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) root.get("services")).forEach((name, service) -> {
            List<Call> calls = new ArrayList<>();
            for (Map<String, Object> call : (List<Map<String, Object>>) service.getOrDefault("calls", List.of())) {
                calls.add(new Call((String) call.get("service"),
                        ((List<String>) call.get("requests")).stream().map(Request::parse).toList()));
            }
            services.put(name, new Service(name, Boolean.TRUE.equals(service.get("database")),
                    (List<String>) service.getOrDefault("publishes", List.of()), (List<String>) service.getOrDefault("consumes", List.of()),
                    calls, (List<String>) service.getOrDefault("routes", List.of()), Boolean.TRUE.equals(service.get("edge")),
                    (Integer) service.getOrDefault("maxReplicas", 4), (String) service.get("singleton")));
        });
        var topology = new Topology(port, topics, services);
        topology.check();
        return topology;
    }

    /** A topology that names an unknown service or topic is a typo, found before anything is generated. */
    void check() {
        for (Service service : services.values()) {
            for (String topic : concat(service.publishes(), service.consumes())) {
                if (!topics.containsKey(topic)) {
                    throw new IllegalArgumentException(service.name() + " names an unknown topic " + topic);
                }
            }
            for (Call call : service.calls()) {
                if (!services.containsKey(call.service())) {
                    throw new IllegalArgumentException(service.name() + " calls an unknown service " + call.service());
                }
            }
            if (service.maxReplicas() == 1 && service.singletonReason() == null) {
                throw new IllegalArgumentException(service.name() + " runs as one instance: say why (singleton: ...)");
            }
        }
        if (services.values().stream().filter(Service::edge).count() != 1) {
            throw new IllegalArgumentException("exactly one service is the edge");
        }
    }

    public Service edge() {
        return services.values().stream().filter(Service::edge).findFirst().orElseThrow();
    }

    /** The services whose requests reach {@code service}: those that call it, and the edge if it routes to it. */
    public Set<String> callersOf(String service) {
        Set<String> callers = new LinkedHashSet<>();
        if (!services.get(service).routes().isEmpty()) {
            callers.add(edge().name());
        }
        for (Service caller : services.values()) {
            if (caller.calls().stream().anyMatch(call -> call.service().equals(service))) {
                callers.add(caller.name());
            }
        }
        return callers;
    }

    /** Every service {@code caller} sends requests to: what it calls, and for the edge every routed service. */
    public Set<String> calleesOf(String caller) {
        Set<String> callees = new LinkedHashSet<>();
        services.get(caller).calls().forEach(call -> callees.add(call.service()));
        if (services.get(caller).edge()) {
            services.values().stream().filter(s -> !s.routes().isEmpty()).forEach(s -> callees.add(s.name()));
        }
        return callees;
    }

    /** The requests {@code caller} may send {@code service}; empty methods mean any (the edge forwards every route). */
    public List<Request> requests(String caller, String service) {
        List<Request> requests = new ArrayList<>();
        for (Call call : services.get(caller).calls()) {
            if (call.service().equals(service)) {
                requests.addAll(call.requests());
            }
        }
        if (services.get(caller).edge()) {
            for (String route : services.get(service).routes()) {
                requests.add(new Request("*", route));
            }
            if (!services.get(service).routes().isEmpty()) {
                // The gateway gathers every service's OpenAPI document for its Swagger UI.
                requests.add(new Request("GET", "/v3/api-docs"));
                requests.add(new Request("GET", "/v3/api-docs/*"));
            }
        }
        return requests;
    }

    public List<String> consumersOf(String topic) {
        return services.values().stream().filter(s -> s.consumes().contains(topic)).map(Service::name).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
