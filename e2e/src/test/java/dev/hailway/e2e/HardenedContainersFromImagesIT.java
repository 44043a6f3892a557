package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.hailway.runtime.ContainerPlatform;
import dev.hailway.runtime.ContainerSpec;

/** What every container of the platform is allowed, checked on the running containers and their processes. */
@ExtendWith(ContainerPlatformExtension.class)
class HardenedContainersFromImagesIT {

    private final ContainerPlatform platform;

    HardenedContainersFromImagesIT(ContainerPlatform platform) {
        this.platform = platform;
    }

    @Test
    void everyContainerRunsAsAnUnprivilegedUserWithNoCapabilitiesOnTheHostNetwork() throws IOException {
        for (ContainerSpec container : platform.containers()) {
            String[] settings = inspect(container, "{{.Config.User}}|{{.HostConfig.ReadonlyRootfs}}|{{.HostConfig.NetworkMode}}|{{.HostConfig.Memory}}")
                    .split("\\|");
            assertThat(settings).as(container.name()).containsExactly("10001:10001", "true", "host", Long.toString(bytes(container.memory())));

            List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid(container)), "status"));
            assertThat(status).as("%s's main process", container.name())
                    .contains("Uid:\t10001\t10001\t10001\t10001", "Gid:\t10001\t10001\t10001\t10001", "CapEff:\t0000000000000000",
                            "NoNewPrivs:\t1");
        }
    }

    @Test
    void nothingIsWrittenOutsideTmpAndTheVolumes() {
        for (ContainerSpec container : platform.containers()) {
            String changes = platform.engine().check(Duration.ofSeconds(30), List.of("diff", container.container())).strip();

            assertThat(changes).as("%s wrote to its image's file system", container.name()).isEmpty();
            assertThat(inspect(container, "{{range .Mounts}}{{.Destination}} {{end}}").strip().split(" "))
                    .as("%s's writable mounts", container.name())
                    .containsExactlyInAnyOrderElementsOf(container.volumes().values().isEmpty() ? List.of("") : container.volumes().values());
        }
    }

    @Test
    void everyPortIsBoundToTheLoopbackAddressOnly() throws IOException {
        Set<Integer> ports = new java.util.TreeSet<>();
        platform.containers().forEach(container -> ports.add(container.port()));
        ports.add(platform.options().kafkaControllerPort());

        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] fields = line.trim().split("\\s+");
                String local = fields[1];
                int port = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
                if (fields[3].equals("0A") && ports.contains(port)) {  // 0A: LISTEN
                    listening.add(local.substring(0, local.indexOf(':')) + ":" + port);
                }
            }
        }

        assertThat(listening).extracting(socket -> socket.substring(socket.indexOf(':') + 1)).map(Integer::parseInt)
                .as("every port of the platform listens").containsAll(ports);
        assertThat(listening).as("only on 127.0.0.1 (0100007F) or ::1")
                .allSatisfy(socket -> assertThat(socket).matches("(0100007F|00000000000000000000000001000000|0000000000000000FFFF00000100007F):\\d+"));
    }

    private String inspect(ContainerSpec container, String format) {
        return platform.engine().check(Duration.ofSeconds(30), List.of("inspect", "--format", format, container.container())).strip();
    }

    private long pid(ContainerSpec container) {
        return Long.parseLong(inspect(container, "{{.State.Pid}}"));
    }

    private static long bytes(String memory) {
        long unit = switch (memory.charAt(memory.length() - 1)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Long.parseLong(memory.substring(0, memory.length() - 1)) * unit;
    }
}
