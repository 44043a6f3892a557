package dev.hailway.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The listening ports of every platform this repository starts. All of them lie below Linux's ephemeral range
 * (32768–60999 by default): a port inside it can be held by any outgoing connection that the kernel gave it as its
 * local port, and by that connection's TIME_WAIT for a minute after, so a server binding it fails at random
 * (PortSetTest checks every set against the range this machine reports).
 *
 * @param gateway  the gateway's port; identity and the other services follow it (gateway + 1 … + 9), and the gateway's
 *                 actuator listens at gateway + 10 (its metrics are for the scraper, not the public port)
 * @param postgres PostgreSQL
 * @param kafka    Kafka's client listener; its KRaft controller listens on the next port
 */
public record PortSet(String purpose, int gateway, int postgres, int kafka) {

    /** {@code ./hailway up}, with or without {@code --containers}: the ports of docs/CONVENTIONS.md. */
    public static final PortSet LOCAL = new PortSet("./hailway up", 8080, 25432, 29092);
    /** The end-to-end suite's platform of JVM processes, beside a platform someone started by hand. */
    public static final PortSet END_TO_END = new PortSet("end-to-end suite", 18080, 26432, 30092);
    /** The end-to-end suite's platform of containers. */
    public static final PortSet CONTAINER_TESTS = new PortSet("containerized end-to-end suite", 28080, 27432, 31092);

    /** The image build's training runs: each service listens here while it records its AOT cache, against this PostgreSQL and Kafka. */
    public static final PortSet IMAGE_TRAINING = new PortSet("image build training runs", 20080, 24432, 24092);

    /** The end-to-end suite's run of the Kubernetes overlay local under podman kube play. */
    public static final PortSet KUBE_TESTS = new PortSet("end-to-end suite's local overlay", 22080, 22432, 22092);

    public static final List<PortSet> ALL = List.of(LOCAL, END_TO_END, CONTAINER_TESTS, IMAGE_TRAINING, KUBE_TESTS);

    /** The end-to-end suite's trace receiver (OTLP over HTTP), which every service of its platform exports to. */
    public static final int END_TO_END_TRACE_RECEIVER = 18318;
    /** The end-to-end suite's Prometheus, which scrapes its platform to evaluate the dashboards and alert rules. */
    public static final int END_TO_END_PROMETHEUS = 19090;
    /** Listeners of the suites beside their platforms, held to the same rules as the sets' ports. */
    public static final List<Integer> OBSERVERS = List.of(END_TO_END_TRACE_RECEIVER, END_TO_END_PROMETHEUS);

    /** The gateway's management port lies this far above its public one (the gateway derives it the same way). */
    public static final int GATEWAY_MANAGEMENT_OFFSET = 10;

    /** Where the gateway of a platform whose gateway listens on {@code gatewayPort} serves its actuator. */
    public static int gatewayManagementPort(int gatewayPort) {
        return gatewayPort + GATEWAY_MANAGEMENT_OFFSET;
    }

    public int kafkaController() {
        return kafka + 1;
    }

    /** Where {@code service}, listening on {@code localPort} in {@link #LOCAL}, listens in this set. */
    public int servicePort(int localPort) {
        return localPort - LOCAL.gateway + gateway;
    }

    /** Every port the platform of this set listens on. */
    public List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        for (ServiceSpec service : Services.LOCAL) {
            ports.add(servicePort(service.port()));
        }
        ports.addAll(List.of(gatewayManagementPort(gateway), postgres, kafka, kafkaController()));
        return ports;
    }

    /** {@code options} with every port moved into this set. */
    public PlatformOptions applyTo(PlatformOptions options) {
        PlatformOptions moved = options.withInfrastructurePorts(postgres, kafka, kafkaController());
        for (ServiceSpec service : options.services()) {
            moved = moved.withServicePort(service.name(), servicePort(localPortOf(service.name())));
        }
        return moved;
    }

    private static int localPortOf(String service) {
        return Services.LOCAL.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + service)).port();
    }
}
