package dev.hailway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Every overlay with every combination of the opt-in components, rendered by this machine's kubectl kustomize. */
final class Rendering {

    static final Path ROOT = Path.of(System.getProperty("hailway.repository.root", "../..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final List<String> COMPONENTS = List.of("istio", "observability");

    /** An overlay, and the components a kustomization that uses it adds (the production overlay has both already). */
    record Combination(String overlay, List<String> components) {

        String label() {
            return overlay + (components.isEmpty() ? "" : "+" + String.join("+", components));
        }
    }

    private Rendering() {
    }

    static List<Combination> combinations() {
        List<Combination> all = new ArrayList<>();
        for (String overlay : List.of("local", "dev")) {
            all.add(new Combination(overlay, List.of()));
            all.add(new Combination(overlay, List.of("istio")));
            all.add(new Combination(overlay, List.of("observability")));
            all.add(new Combination(overlay, COMPONENTS));
        }
        all.add(new Combination("production", List.of()));
        return all;
    }

    static List<Map<String, Object>> render(Combination combination) {
        Path dir = K8S.resolve("target/render").resolve(combination.label());
        try {
            Files.createDirectories(dir);
            // As a team would add components to a cluster's overlay: in a kustomization of the same namespace.
            var text = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n")
                    .append(combination.overlay().equals("local") ? "" : "namespace: " + Manifests.NAMESPACE + "\n")
                    .append("resources:\n  - ")
                    .append(dir.relativize(K8S.resolve("overlays").resolve(combination.overlay()))).append('\n');
            if (!combination.components().isEmpty()) {
                text.append("components:\n");
                combination.components().forEach(c -> text.append("  - ").append(dir.relativize(K8S.resolve("components").resolve(c))).append('\n'));
            }
            Files.writeString(dir.resolve("kustomization.yaml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kustomize(dir);
    }

    /** {@code kubectl kustomize DIR}, with an empty KUBECONFIG so that nothing reaches for a cluster at localhost:8080. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> kustomize(Path dir) {
        try {
            var builder = new ProcessBuilder("kubectl", "kustomize", dir.toString());
            builder.environment().put("KUBECONFIG", "/dev/null");
            Process process = builder.start();
            var err = new String[1];
            Thread errors = Thread.ofVirtual().start(() -> {
                try {
                    err[0] = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err[0] = e.getMessage();
                }
            });
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                errors.join();
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + err[0]);
            }
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(out)) {
                if (document != null) {
                    objects.add((Map<String, Object>) document);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kubectl (it is /usr/bin/kubectl on this machine)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String key(Map<String, Object> object) {
        return object.get("apiVersion") + "/" + object.get("kind");
    }

    @SuppressWarnings("unchecked")
    static String name(Map<String, Object> object) {
        return (String) ((Map<String, Object>) object.get("metadata")).get("name");
    }

    static String describe(Map<String, Object> object) {
        return object.get("kind") + " " + name(object);
    }
}
