package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;


import dev.hailway.deploy.Overlays;
import dev.hailway.runtime.ContainerEngine;
import dev.hailway.runtime.ContainerPlatform;
import dev.hailway.runtime.ContainerSpec;
import dev.hailway.runtime.PlatformOptions;
import dev.hailway.runtime.PortSet;

/**
 * The Kubernetes overlay {@code local} run for real under podman kube play, from this build's images, by
 * deploy/k8s/play-local.sh as a person runs it: the suite layers its own ports ({@link PortSet#KUBE_TESTS}), names
 * ({@code e2e-}) and volumes on top, so that it runs beside a platform someone started. Its own JVM, after the
 * other platforms of the suite have stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TakingARideThroughTheLocalOverlayIT {

    private static final Path ROOT = Path.of(System.getProperty("hailway.repository.root", "..")).toAbsolutePath().normalize();
    private static final Path BASE = ROOT.resolve("e2e/target/kube");
    private static final Path OVERLAY = BASE.resolve("overlay");
    private static final List<String> VOLUMES = List.of("hailway-e2e-kube-postgres", "hailway-e2e-kube-kafka");

    private final ContainerEngine engine = ContainerEngine.fromEnvironment();
    private ContainerPlatform platform;
    private Api api;

    @BeforeAll
    void playTheLocalOverlay() throws IOException {
        PlatformExtension.RunningPlatform.deleteRecursively(BASE);
        Files.createDirectories(OVERLAY);
        VOLUMES.forEach(volume -> engine.run(Duration.ofMinutes(1), List.of("volume", "rm", "--force", volume)));
        // The credentials the overlay's pods read, made as ./hailway env makes them, for this suite's ports and secrets.
        PlatformOptions options = PortSet.KUBE_TESTS.applyTo(PlatformOptions.defaults(ROOT)).withBaseDirectory(BASE)
                .withServiceEnvironment("gateway", PlatformExtension.GATEWAY_ENVIRONMENT)
                .withServiceEnvironment("dispatch", PlatformExtension.DISPATCH_ENVIRONMENT)
                .withOut(new PrintStream(PrintStream.nullOutputStream()));
        platform = new ContainerPlatform(options, engine, "hailway-e2e-kube");
        Path credentials = BASE.resolve("credentials");
        Files.createDirectories(credentials);
        for (var file : platform.kubeCredentials().entrySet()) {
            Files.writeString(credentials.resolve(file.getKey()), file.getValue());
        }
        Files.writeString(OVERLAY.resolve("ports.yaml"), Overlays.localPatchesYaml(PortSet.KUBE_TESTS));
        Files.writeString(OVERLAY.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namePrefix: e2e-
                resources:
                  - %s
                patches:
                  - path: ports.yaml
                  - target: {kind: Deployment, name: postgres}
                    patch: |-
                      - op: replace
                        path: /spec/template/spec/volumes/0/persistentVolumeClaim/claimName
                        value: %s
                  - target: {kind: Deployment, name: kafka}
                    patch: |-
                      - op: replace
                        path: /spec/template/spec/volumes/0/persistentVolumeClaim/claimName
                        value: %s
                """.formatted(OVERLAY.relativize(ROOT.resolve("deploy/k8s/overlays/local")), VOLUMES.get(0), VOLUMES.get(1)));
        script("up", credentials);
        api = new Api(platform.gatewayUrl());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)  // refused while a pod starts
                .untilAsserted(() -> {
            for (ContainerSpec container : platform.containers()) {
                if (container.kind().equals("service")) {
                    assertThat(new Api(platform.serviceUrl(container.name())).get("/actuator/health/readiness", null).status())
                            .as("%s is ready", container.name()).isEqualTo(200);
                }
            }
        });
    }

    @AfterAll
    void stopIt() throws IOException {
        if (Files.exists(OVERLAY.resolve("kustomization.yaml"))) {
            script("down", BASE.resolve("credentials"));
        }
        VOLUMES.forEach(volume -> engine.run(Duration.ofMinutes(1), List.of("volume", "rm", "--force", volume)));
    }

    @Test
    void aRiderIsDrivenToPaidThroughThePodsOfTheOverlay() {
        new Rides(api).takeAPaidRideAndCheckTheLedger(api.operatorToken(platform.operatorEmail(), platform.operatorPassword()));
    }

    @Test
    void everyPodRunsAsTheManifestsSayOnTheHostNetwork() {
        List<String> containers = new ArrayList<>();
        for (ContainerSpec container : platform.containers()) {
            containers.add("e2e-" + container.name() + "-pod-0-" + container.name());
        }
        for (String container : containers) {
            String settings = engine.check(Duration.ofSeconds(30), List.of("inspect", "--format",
                    "{{.Config.User}}|{{.HostConfig.ReadonlyRootfs}}|{{.HostConfig.NetworkMode}}|{{.HostConfig.Memory}}", container)).strip();

            assertThat(settings.split("\\|")).as(container).startsWith("10001:10001", "true", "host");
            assertThat(Long.parseLong(settings.split("\\|")[3])).as("%s has a memory limit", container).isPositive();
        }
    }

    private static void script(String action, Path credentials) {
        try {
            var builder = new ProcessBuilder("bash", ROOT.resolve("deploy/k8s/play-local.sh").toString(), action, OVERLAY.toString())
                    .redirectErrorStream(true);
            builder.environment().put("HAILWAY_KUBE_CREDENTIALS", credentials.toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("play-local.sh %s finished", action).isTrue();
            assertThat(process.exitValue()).as("play-local.sh %s: %s", action, output).isZero();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
