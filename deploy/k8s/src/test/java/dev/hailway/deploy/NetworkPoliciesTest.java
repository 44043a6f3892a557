package dev.hailway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NetworkPolicies of a rendered cluster, evaluated as Kubernetes would for every pair of pods and port: they let
 * through exactly the flows of deploy/topology.yaml — the gateway's routes, the service-to-service calls, each
 * service to its database and to Kafka — and nothing more; with the observability component too, whose own flows
 * ObservabilityPoliciesTest holds to account.
 */
class NetworkPoliciesTest {

    private static final Topology TOPOLOGY = Topology.read(Rendering.ROOT.resolve("deploy/topology.yaml"));
    private static final NetworkPolicies DEV = NetworkPolicies.of(new Rendering.Combination("dev", List.of()));
    private static final NetworkPolicies OBSERVED = NetworkPolicies.of(new Rendering.Combination("dev", List.of("observability")));

    static Stream<NetworkPolicies> clusters() {
        return Stream.of(DEV, OBSERVED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void servicesReachEachOtherExactlyAlongTheCallGraph(NetworkPolicies policies) {
        Set<String> allowed = new TreeSet<>();
        Set<String> expected = new TreeSet<>();
        for (String from : TOPOLOGY.services().keySet()) {
            for (String to : TOPOLOGY.services().keySet()) {
                if (!from.equals(to) && policies.allows(from, to, TOPOLOGY.port())) {
                    allowed.add(from + " -> " + to);
                }
            }
            TOPOLOGY.calleesOf(from).forEach(to -> expected.add(from + " -> " + to));
        }
        assertThat(allowed).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void eachServiceReachesItsDatabaseIfItHasOneAndKafka(NetworkPolicies policies) {
        for (var service : TOPOLOGY.services().values()) {
            assertThat(policies.allows(service.name(), "hailway-postgres", 5432)).as("%s -> PostgreSQL", service.name()).isEqualTo(service.database());
            assertThat(policies.allows(service.name(), "hailway-kafka", 9092)).as("%s -> Kafka", service.name()).isTrue();
            assertThat(policies.allows(service.name(), "hailway-postgres", 9092)).as("%s -> PostgreSQL on another port", service.name()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void onlyTheGatewayIsReachableFromOutside(NetworkPolicies policies) {
        for (String service : TOPOLOGY.services().keySet()) {
            assertThat(policies.ingressAllows(null, service, TOPOLOGY.port())).as("outside -> %s", service)
                    .isEqualTo(TOPOLOGY.services().get(service).edge());
        }
        assertThat(policies.ingressAllows(null, "hailway-postgres", 5432)).isFalse();
        assertThat(policies.ingressAllows(null, "hailway-kafka", 9092)).isFalse();
    }

    /** The gateway's actuator port: nobody's without the observability component, Prometheus's alone with it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void theGatewaysManagementPortIsClosedToAllButPrometheus(NetworkPolicies policies) {
        String gateway = TOPOLOGY.edge().name();
        int management = TOPOLOGY.port() + Manifests.MANAGEMENT_PORT_OFFSET;
        Set<String> reaching = new TreeSet<>();
        for (String from : policies.pods().keySet()) {
            if (!from.equals(gateway) && policies.allows(from, gateway, management)) {
                reaching.add(from);
            }
        }
        assertThat(reaching).isEqualTo(policies.pods().containsKey(Observability.PROMETHEUS) ? Set.of(Observability.PROMETHEUS) : Set.of());
        assertThat(policies.ingressAllows(null, gateway, management)).as("outside -> %s:%d", gateway, management).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void aServiceReachesNothingOutsideTheClusterButDns(NetworkPolicies policies) {
        for (String service : TOPOLOGY.services().keySet()) {
            assertThat(policies.egressAllows(service, null, 443)).as("%s -> the internet", service).isFalse();
            assertThat(policies.egressAllowsDns(service)).as("%s -> DNS", service).isTrue();
        }
    }
}
