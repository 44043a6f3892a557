package dev.hailway.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One container of the platform run from images, as {@code ./hailway up --containers} starts it and as
 * {@code compose.yaml} declares it (ComposeFileTest holds the two together).
 *
 * @param name        the process's name in the status table: a service's, {@code postgres} or {@code kafka}
 * @param container   the container's name, e.g. {@code hailway-trips}
 * @param environment passed through an env file (mode 600), since it holds passwords
 * @param volumes     named volume to mount point
 * @param entrypoint  empty for the image's own; else the program to run instead (then {@code args} are all its arguments)
 * @param args        arguments after the image (its entrypoint's arguments)
 */
public record ContainerSpec(String name, String container, String image, int port, String kind, Map<String, String> environment,
                            Path environmentFile, Map<String, String> volumes, String entrypoint, List<String> args, String memory) {

    /** The user every image runs as; numeric, so that the runtime can check it is not root without a passwd file. */
    public static final String USER = "10001:10001";
    /** The only writable path besides the volumes. */
    public static final String TMPFS = "/tmp:rw,size=64m,mode=1777";
    public static final String STOP_TIMEOUT_SECONDS = "20";

    private static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile(".*(PASSWORD|SECRET|SERVICECLIENTS).*");

    /** Whether an environment variable holds a password or secret (what a cluster keeps in Secrets, not ConfigMaps). */
    public static boolean isSecret(String variable) {
        return SECRET.matcher(variable).matches();
    }

    public ContainerSpec {
        environment = Map.copyOf(environment);
        volumes = Map.copyOf(volumes);
        args = List.copyOf(args);
    }

    /** {@code podman run ...} for this container: detached, host network, non-root, read-only but /tmp, no capabilities. */
    public List<String> runArguments(String platformLabel) {
        List<String> run = new ArrayList<>(List.of("run", "--detach",
                "--name", container,
                "--label", "dev.hailway.platform=" + platformLabel,
                "--label", "dev.hailway.process=" + name,
                // Host network, loopback only: every process binds 127.0.0.1, and the engine's bridge (private
                // 10.88.0.0/16 addresses) is never used.
                "--network", "host",
                "--user", USER,
                "--read-only", "--read-only-tmpfs=false",
                "--tmpfs", TMPFS,
                "--cap-drop", "all",
                "--security-opt", "no-new-privileges",
                "--memory", memory,
                "--stop-timeout", STOP_TIMEOUT_SECONDS,
                "--log-opt", "max-size=20mb",
                "--env-file", environmentFile.toString()));
        volumes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(volume -> run.addAll(List.of("--volume", volume.getKey() + ":" + volume.getValue())));
        if (!entrypoint.isEmpty()) {
            run.addAll(List.of("--entrypoint", entrypoint));
        }
        run.add(image);
        run.addAll(args);
        return run;
    }
}
