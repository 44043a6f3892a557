package dev.hailway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortSetTest {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    @Test
    void noPlatformListensInsideTheEphemeralRangeThisMachineReports() throws IOException {
        int[] range = ephemeralRange();

        for (PortSet set : PortSet.ALL) {
            assertThat(set.ports()).as("ports of the %s, against the ephemeral range %d-%d", set.purpose(), range[0], range[1])
                    .allSatisfy(port -> assertThat(port < range[0] || port > range[1])
                            .as("port %d lies in the ephemeral range", port).isTrue());
        }
        assertThat(PortSet.OBSERVERS).as("the suites' observers").allSatisfy(port -> assertThat(port < range[0] || port > range[1])
                .as("port %d lies in the ephemeral range", port).isTrue());
    }

    @Test
    void theSetsShareNoPortSoTheyCanRunSideBySide() {
        List<Integer> all = new ArrayList<>();
        PortSet.ALL.forEach(set -> all.addAll(set.ports()));
        all.addAll(PortSet.OBSERVERS);

        Set<Integer> distinct = new HashSet<>(all);
        assertThat(distinct).hasSameSizeAs(all);
    }

    @Test
    void theLauncherDefaultsAreTheLocalSet() {
        var options = PlatformOptions.defaults(Path.of("/repo"));

        List<Integer> ports = new ArrayList<>(options.services().stream().map(ServiceSpec::port).sorted().toList());
        ports.addAll(List.of(8090, options.postgresPort(), options.kafkaPort(), options.kafkaControllerPort()));
        assertThat(ports).as("the services, the gateway's management port, PostgreSQL, Kafka")
                .containsExactlyInAnyOrderElementsOf(PortSet.LOCAL.ports());
    }

    @Test
    void applyingASetMovesEveryPortOfTheOptions() {
        var options = PortSet.END_TO_END.applyTo(PlatformOptions.defaults(Path.of("/repo")));

        assertThat(options.services()).filteredOn(s -> s.name().equals("gateway")).singleElement()
                .extracting(ServiceSpec::port).isEqualTo(18080);
        assertThat(options.services()).filteredOn(s -> s.name().equals("history")).singleElement()
                .extracting(ServiceSpec::port).isEqualTo(18089);
        assertThat(List.of(options.postgresPort(), options.kafkaPort(), options.kafkaControllerPort()))
                .containsExactly(26432, 30092, 30093);
    }

    @Test
    void applyingTheSetTheOptionsAlreadyHaveChangesNothing() {
        var options = PlatformOptions.defaults(Path.of("/repo"));

        assertThat(PortSet.LOCAL.applyTo(options)).isEqualTo(options);
    }

    /** Linux's own range where it reports one; elsewhere the IANA dynamic range, which macOS and Windows use. */
    static int[] ephemeralRange() throws IOException {
        if (!Files.isReadable(EPHEMERAL_RANGE)) {
            return new int[] {49152, 65535};
        }
        // Not Files.readString: it trusts the size procfs reports (0) and returns a single byte.
        String[] bounds = Files.readAllLines(EPHEMERAL_RANGE).getFirst().trim().split("\\s+");
        return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
    }
}
