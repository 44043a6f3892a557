package dev.hailway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * The three kinds of mistake a hand-edited manifest has, each caught: a wrong type, an unknown value of an enum and
 * an unknown field. The npm models catch the first two and let unknown fields through; the Java models catch wrong
 * types and unknown fields, and take any string where Kubernetes has an enum (Istio's and Strimzi's enums read an
 * unknown value as nothing, which the round trip catches); together they catch all three.
 */
class ValidatorsCatchMistakesTest {

    private static final List<Map<String, Object>> DEV = Rendering.render(new Rendering.Combination("dev", List.of("istio")));
    private static final List<Map<String, Object>> PRODUCTION = Rendering.render(new Rendering.Combination("production", List.of()));

    @Test
    void theRenderedObjectsThemselvesAreValid() {
        assertThat(Validation.problems(List.of(deployment(), peerAuthentication(), kafkaTopic(), cnpgCluster()))).isEmpty();
    }

    @Test
    void aWrongTypeIsCaughtByBothSides() {
        Map<String, Object> broken = deployment();
        spec(broken).put("replicas", "two");

        assertThat(Validation.npm(List.of(broken))).singleElement().asString().contains("replicas must be integer");
        assertThat(Validation.java(broken)).singleElement().asString().contains("Cannot coerce String value (\"two\")");
    }

    @Test
    void anUnknownValueOfAKubernetesEnumIsCaughtByTheNpmModels() {
        Map<String, Object> broken = deployment();
        container(broken).put("imagePullPolicy", "Sometimes");

        assertThat(Validation.npm(List.of(broken))).singleElement().asString().contains("imagePullPolicy must be equal to one of the allowed values");
        assertThat(Validation.java(broken)).as("fabric8 takes any string here").isEmpty();
        assertThat(Validation.problems(List.of(broken))).hasSize(1);
    }

    @Test
    void anUnknownFieldIsCaughtByTheJavaModels() {
        Map<String, Object> broken = deployment();
        container(broken).put("imagePullPolice", "Always");

        assertThat(Validation.npm(List.of(broken))).as("the npm models let it through").isEmpty();
        assertThat(Validation.java(broken)).singleElement().asString().contains("unknown field").contains("imagePullPolice");
    }

    @Test
    void istioMistakesAreCaughtToo() {
        Map<String, Object> badMode = peerAuthentication();
        edit(badMode, spec -> ((Map<String, Object>) spec.get("mtls")).put("mode", "STRICTEST"));
        Map<String, Object> typo = peerAuthentication();
        edit(typo, spec -> spec.put("mtl", Map.of("mode", "STRICT")));

        assertThat(Validation.npm(List.of(badMode))).singleElement().asString().contains("mode must be equal to one of the allowed values");
        assertThat(Validation.java(badMode)).as("fabric8's Istio enums read an unknown value as nothing")
                .singleElement().asString().contains("not understood at .spec.mtls.mode");
        assertThat(Validation.problems(List.of(typo))).singleElement().asString().contains("unknown field").contains("mtl");
    }

    @Test
    void strimziMistakesAreCaughtByItsJavaApi() {
        Map<String, Object> typo = kafkaTopic();
        edit(typo, spec -> spec.put("partition", 3));
        Map<String, Object> wrongType = kafkaTopic();
        edit(wrongType, spec -> spec.put("partitions", "three"));
        Map<String, Object> badRole = find(PRODUCTION, "KafkaNodePool", "nodes");
        edit(badRole, spec -> spec.put("roles", List.of("controller", "brokr")));

        assertThat(Validation.problems(List.of(typo))).singleElement().asString().contains("unknown field").contains("partition");
        assertThat(Validation.problems(List.of(wrongType))).singleElement().asString().contains("Cannot coerce String value (\"three\")");
        assertThat(Validation.problems(List.of(badRole))).singleElement().asString().contains("brokr");
    }

    @Test
    void cloudNativePgMistakesAreCaughtByItsSchema() {
        Map<String, Object> typo = cnpgCluster();
        edit(typo, spec -> spec.put("instance", 3));
        Map<String, Object> wrongType = cnpgCluster();
        edit(wrongType, spec -> spec.put("instances", "three"));
        Map<String, Object> badEnum = cnpgCluster();
        edit(badEnum, spec -> ((Map<String, Object>) ((List<Object>) ((Map<String, Object>) spec.get("managed")).get("roles")).getFirst())
                .put("ensure", "maybe"));

        assertThat(Validation.problems(List.of(typo))).singleElement().asString().contains("additional properties");
        assertThat(Validation.problems(List.of(wrongType))).singleElement().asString().contains("instances must be integer");
        assertThat(Validation.problems(List.of(badEnum))).singleElement().asString().contains("allowed values");
    }

    @Test
    void aKindWithNoModelIsRefusedRatherThanLetThrough() {
        Map<String, Object> unknown = Map.of("apiVersion", "example.dev/v1", "kind", "Widget", "metadata", Map.of("name", "w"));

        assertThat(Validation.problems(List.of(unknown))).hasSize(2).allSatisfy(p -> assertThat(p).contains("no").contains("model"));
    }

    private static Map<String, Object> deployment() {
        return find(DEV, "Deployment", "trips");
    }

    private static Map<String, Object> peerAuthentication() {
        return find(DEV, "PeerAuthentication", "hailway");
    }

    private static Map<String, Object> kafkaTopic() {
        return find(PRODUCTION, "KafkaTopic", "trips-trips");
    }

    private static Map<String, Object> cnpgCluster() {
        return find(PRODUCTION, "Cluster", "hailway-postgres");
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> o.get("kind").equals(kind) && Rendering.name(o).equals(name)).findFirst()
                .map(ValidatorsCatchMistakesTest::copy).orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> object) {
        return (Map<String, Object>) deepCopy(object);
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new java.util.ArrayList<>(list.stream().map(ValidatorsCatchMistakesTest::deepCopy).toList());
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> object) {
        return (Map<String, Object>) object.get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> deployment) {
        Map<String, Object> template = (Map<String, Object>) spec(deployment).get("template");
        return (Map<String, Object>) ((List<Object>) ((Map<String, Object>) template.get("spec")).get("containers")).getFirst();
    }

    private static void edit(Map<String, Object> object, Consumer<Map<String, Object>> change) {
        change.accept(spec(object));
    }
}
