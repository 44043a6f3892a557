package dev.hailway.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The services that {@code ./hailway up} starts, with their ports from docs/CONVENTIONS.md. */
public final class Services {

    /**
     * Adding a service is one line here. The gateway does not wait for identity: it needs identity's keys only when
     * a request arrives, and starting every service at once keeps both cores busy while one of them waits on I/O.
     */
    public static final List<ServiceSpec> LOCAL = List.of(
            new ServiceSpec("identity", 8081, true, List.of()),
            new ServiceSpec("drivers", 8082, true, List.of()),
            new ServiceSpec("location", 8083, true, List.of()),
            new ServiceSpec("pricing", 8084, true, List.of()),
            new ServiceSpec("trips", 8085, true, List.of()),
            new ServiceSpec("dispatch", 8086, true, List.of()),
            new ServiceSpec("payments", 8087, true, List.of()),
            // Notifications keeps only live connections: no database.
            new ServiceSpec("notifications", 8088, false, List.of()),
            new ServiceSpec("history", 8089, true, List.of()),
            new ServiceSpec("gateway", 8080, false, List.of()));

    private Services() {
    }

    /**
     * The services in an order where each comes after everything it depends on; fails on unknown names,
     * duplicates and cycles, so that a wrong table is caught before anything starts.
     */
    public static List<ServiceSpec> inStartOrder(List<ServiceSpec> services) {
        Map<String, ServiceSpec> byName = new LinkedHashMap<>();
        Set<Integer> ports = new HashSet<>();
        for (ServiceSpec service : services) {
            if (byName.put(service.name(), service) != null) {
                throw new IllegalArgumentException("service listed twice: " + service.name());
            }
            if (!ports.add(service.port())) {
                throw new IllegalArgumentException("port " + service.port() + " given to two services");
            }
        }
        for (ServiceSpec service : services) {
            for (String dependency : service.dependsOn()) {
                if (!byName.containsKey(dependency)) {
                    throw new IllegalArgumentException(service.name() + " depends on unknown service " + dependency);
                }
            }
        }
        List<ServiceSpec> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < services.size()) {
            int before = ordered.size();
            for (ServiceSpec service : services) {
                if (!placed.contains(service.name()) && placed.containsAll(service.dependsOn())) {
                    ordered.add(service);
                    placed.add(service.name());
                }
            }
            if (ordered.size() == before) {
                throw new IllegalArgumentException("services depend on each other in a cycle: "
                        + services.stream().map(ServiceSpec::name).filter(n -> !placed.contains(n)).toList());
            }
        }
        return ordered;
    }
}
