package dev.hailway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every workload of every overlay must have: startup, readiness and liveness probes, requests and limits, a
 * non-root user given by number, a read-only root, no capabilities, the runtime's seccomp profile; and every
 * Deployment of Hailway's services an autoscaler, a disruption budget and a graceful shutdown that fits in its grace
 * period.
 */
@SuppressWarnings("unchecked")
class PolicyTest {

    static Stream<Rendering.Combination> combinations() {
        return Rendering.combinations().stream().filter(c -> c.components().size() != 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void everyContainerHasProbesLimitsANumberedNonRootUserAndAReadOnlyRoot(Rendering.Combination combination) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> workload : workloads(Rendering.render(combination))) {
            Map<String, Object> pod = podSpec(workload);
            for (Map<String, Object> container : containers(pod)) {
                String where = Rendering.describe(workload) + " container " + container.get("name");
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    if (!container.containsKey(probe)) {
                        violations.add(where + ": no " + probe);
                    }
                }
                Map<String, Object> resources = (Map<String, Object>) container.getOrDefault("resources", Map.of());
                for (String kind : List.of("requests", "limits")) {
                    Map<String, Object> amounts = (Map<String, Object>) resources.getOrDefault(kind, Map.of());
                    if (!amounts.containsKey("cpu") || !amounts.containsKey("memory")) {
                        violations.add(where + ": no cpu and memory " + kind);
                    }
                }
                Map<String, Object> security = (Map<String, Object>) container.getOrDefault("securityContext", Map.of());
                Map<String, Object> podSecurity = (Map<String, Object>) pod.getOrDefault("securityContext", Map.of());
                if (!Boolean.TRUE.equals(security.getOrDefault("runAsNonRoot", podSecurity.get("runAsNonRoot")))) {
                    violations.add(where + ": may run as root");
                }
                // runAsNonRoot alone refuses to start an image whose USER is a name: the kubelet cannot tell it is not root.
                if (!(security.getOrDefault("runAsUser", podSecurity.get("runAsUser")) instanceof Integer user) || user == 0) {
                    violations.add(where + ": no numeric non-root runAsUser");
                }
                if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
                    violations.add(where + ": writable root file system");
                }
                if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                    violations.add(where + ": privilege escalation not ruled out");
                }
                if (!List.of("ALL").equals(((Map<String, Object>) security.getOrDefault("capabilities", Map.of())).get("drop"))) {
                    violations.add(where + ": capabilities not all dropped");
                }
                Map<String, Object> seccomp = (Map<String, Object>) security.getOrDefault("seccompProfile", podSecurity.get("seccompProfile"));
                if (seccomp == null || !"RuntimeDefault".equals(seccomp.get("type"))) {
                    violations.add(where + ": no RuntimeDefault seccomp profile");
                }
            }
        }
        assertThat(violations).as(combination.label()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void everyHailwayDeploymentHasAnAutoscalerADisruptionBudgetAndTimeToShutDown(Rendering.Combination combination) {
        List<Map<String, Object>> objects = Rendering.render(combination);
        List<String> violations = new ArrayList<>();
        // The services only: the observability component's Deployments (component=observability) are single instances
        // that keep what they collect in memory or on an emptyDir, so neither scale out nor survive a drain unharmed.
        for (Map<String, Object> deployment : objects.stream().filter(o -> o.get("kind").equals("Deployment"))
                .filter(o -> "service".equals(labels(o).get(Manifests.COMPONENT))).toList()) {
            String name = Rendering.name(deployment);
            boolean autoscaled = objects.stream().filter(o -> o.get("kind").equals("HorizontalPodAutoscaler"))
                    .map(o -> (Map<String, Object>) ((Map<String, Object>) o.get("spec")).get("scaleTargetRef"))
                    .anyMatch(target -> "Deployment".equals(target.get("kind")) && name.equals(target.get("name")));
            Map<String, Object> podLabels = (Map<String, Object>) ((Map<String, Object>) template(deployment).get("metadata")).get("labels");
            boolean budgeted = objects.stream().filter(o -> o.get("kind").equals("PodDisruptionBudget"))
                    .map(o -> (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) o.get("spec")).get("selector")).get("matchLabels"))
                    .anyMatch(selector -> podLabels.entrySet().containsAll(selector.entrySet()));
            if (!autoscaled) {
                violations.add(name + ": no HorizontalPodAutoscaler");
            }
            if (!budgeted) {
                violations.add(name + ": no PodDisruptionBudget");
            }
            Map<String, Object> pod = podSpec(deployment);
            int grace = (Integer) pod.getOrDefault("terminationGracePeriodSeconds", 30);
            Map<String, Object> container = containers(pod).getFirst();
            int preStop = ((Map<String, Map<String, Map<String, Integer>>>) container.getOrDefault("lifecycle", Map.of()))
                    .getOrDefault("preStop", Map.of()).getOrDefault("sleep", Map.of()).getOrDefault("seconds", 0);
            if (preStop == 0) {
                violations.add(name + ": no preStop pause before the shutdown");
            }
            if (grace <= preStop + Manifests.SHUTDOWN_SECONDS) {
                violations.add(name + ": grace period " + grace + " s leaves no room for " + preStop + " s preStop and "
                        + Manifests.SHUTDOWN_SECONDS + " s of graceful shutdown");
            }
            if (!container.containsKey("startupProbe")) {
                violations.add(name + ": no startupProbe (a JVM that starts slowly would be killed by its liveness probe)");
            }
        }
        assertThat(violations).as(combination.label()).isEmpty();
    }

    static List<Map<String, Object>> workloads(List<Map<String, Object>> objects) {
        return objects.stream().filter(o -> List.of("Deployment", "StatefulSet").contains(o.get("kind"))).toList();
    }

    static Map<String, Object> template(Map<String, Object> workload) {
        return (Map<String, Object>) ((Map<String, Object>) workload.get("spec")).get("template");
    }

    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return (Map<String, Object>) template(workload).get("spec");
    }

    static List<Map<String, Object>> containers(Map<String, Object> pod) {
        List<Map<String, Object>> all = new ArrayList<>((List<Map<String, Object>>) pod.get("containers"));
        all.addAll((List<Map<String, Object>>) pod.getOrDefault("initContainers", List.of()));
        return all;
    }

    static Map<String, Object> labels(Map<String, Object> object) {
        return (Map<String, Object>) ((Map<String, Object>) object.get("metadata")).getOrDefault("labels", Map.of());
    }
}
