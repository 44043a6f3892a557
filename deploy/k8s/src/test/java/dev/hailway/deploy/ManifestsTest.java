package dev.hailway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed manifests are what deploy/topology.yaml and the generator make of it, byte for byte. */
class ManifestsTest {

    private static final String REGENERATE = "the manifests differ from deploy/topology.yaml: run ./mvnw -q -pl deploy/k8s exec:java@generate";

    @TempDir
    Path generated;

    @Test
    void everyGeneratedFileIsCommittedAsTheGeneratorWritesIt() throws IOException {
        Manifests.generate(Rendering.ROOT, generated);

        List<Path> files = files(generated);
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Path committed = Rendering.K8S.resolve(file.toString());
            assertThat(committed).as(REGENERATE).exists();
            assertThat(Files.readString(committed)).as(REGENERATE + " (%s)", file).isEqualTo(Files.readString(generated.resolve(file)));
        }
    }

    @Test
    void theBaseAndTheComponentsHoldNothingTheGeneratorDoesNotWrite() throws IOException {
        Manifests.generate(Rendering.ROOT, generated);

        for (String dir : List.of("base", "components/istio", "components/observability")) {
            assertThat(files(Rendering.K8S.resolve(dir))).as("files in deploy/k8s/%s", dir)
                    .containsExactlyInAnyOrderElementsOf(files(generated.resolve(dir)));
        }
    }

    @Test
    void aTopologyThatNamesAnUnknownTopicOrServiceIsRefused() {
        var topology = Topology.read(Rendering.ROOT.resolve("deploy/topology.yaml"));
        var trips = topology.services().get("trips");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Topology(topology.port(), topology.topics(), java.util.Map.of("trips",
                        new Topology.Service("trips", true, List.of("trips.tripz"), List.of(), List.of(), trips.routes(), true, 4, null))).check())
                .hasMessageContaining("unknown topic trips.tripz");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Topology(topology.port(), topology.topics(), java.util.Map.of("trips",
                        new Topology.Service("trips", true, List.of(), List.of(), List.of(new Topology.Call("pricinq", List.of())),
                                trips.routes(), true, 4, null))).check())
                .hasMessageContaining("unknown service pricinq");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
