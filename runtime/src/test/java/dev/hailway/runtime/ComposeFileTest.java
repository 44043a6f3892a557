package dev.hailway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** compose.yaml declares exactly the containers that ./hailway up --containers runs, with the same settings. */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("hailway.repository.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path home;

    @Test
    void composeRunsTheSameContainersAsTheLauncher() throws IOException {
        Map<String, Object> compose = compose();
        Map<String, Map<String, Object>> services = section(compose, "services");
        List<ContainerSpec> containers = launcherContainers();

        assertThat(services.keySet()).containsExactlyElementsOf(containers.stream().map(ContainerSpec::name).toList());
        for (ContainerSpec container : containers) {
            Map<String, Object> service = services.get(container.name());
            assertThat(service).as(container.name())
                    .containsEntry("image", container.image())
                    .containsEntry("container_name", container.container())
                    .containsEntry("network_mode", "host")
                    .containsEntry("user", ContainerSpec.USER)
                    .containsEntry("read_only", true)
                    .containsEntry("tmpfs", List.of(ContainerSpec.TMPFS))
                    .containsEntry("cap_drop", List.of("ALL"))
                    .containsEntry("security_opt", List.of("no-new-privileges:true"))
                    .containsEntry("mem_limit", container.memory())
                    .containsEntry("stop_grace_period", ContainerSpec.STOP_TIMEOUT_SECONDS + "s")
                    .containsEntry("labels", Map.of("dev.hailway.platform", "hailway", "dev.hailway.process", container.name()))
                    .containsEntry("env_file", List.of(home.relativize(container.environmentFile()).toString()));
            assertThat(service.getOrDefault("command", List.of())).as(container.name()).isEqualTo(container.args());
            assertThat(service.getOrDefault("volumes", List.of())).as(container.name()).isEqualTo(
                    container.volumes().entrySet().stream().map(v -> v.getKey() + ":" + v.getValue()).sorted().toList());
            assertThat(container.entrypoint()).as("compose keeps each image's entrypoint").isEmpty();
        }
        assertThat(section(compose, "volumes").keySet()).containsExactlyInAnyOrder("hailway-postgres", "hailway-kafka");
        section(compose, "volumes").forEach((name, volume) -> assertThat(volume).as("named as the launcher names it").containsEntry("name", name));
    }

    @Test
    void theLauncherRunsEachContainerWithTheSettingsComposeDeclares() {
        for (ContainerSpec container : launcherContainers()) {
            List<String> run = container.runArguments("hailway");

            assertThat(String.join(" ", run)).as(container.name())
                    .contains("--network host", "--user " + ContainerSpec.USER, "--read-only --read-only-tmpfs=false",
                            "--tmpfs " + ContainerSpec.TMPFS, "--cap-drop all", "--security-opt no-new-privileges",
                            "--memory " + container.memory(), "--stop-timeout " + ContainerSpec.STOP_TIMEOUT_SECONDS,
                            "--env-file " + container.environmentFile(), "--label dev.hailway.process=" + container.name());
            assertThat(run.subList(run.indexOf(container.image()) + 1, run.size())).isEqualTo(container.args());
        }
    }

    /** The containers of ./hailway up --containers, for a checkout in {@code home} (so nothing is written to the repository). */
    private List<ContainerSpec> launcherContainers() {
        return ContainerPlatform.local(PlatformOptions.defaults(home)).containers();
    }

    private static Map<String, Object> compose() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("compose.yaml"))) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> section(Map<String, Object> compose, String name) {
        return ((Map<String, Object>) compose.get(name)).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (Map<String, Object>) e.getValue(), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
