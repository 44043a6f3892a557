package dev.hailway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Every rendered object against the models of its kind, from two sides, since neither catches every mistake alone:
 * <ul>
 *   <li>the npm models (kubernetes-models, @kubernetes-models/istio; deploy/k8s/validate): types and allowed values,
 *       and CloudNativePG's objects against the schema of the part Hailway uses, unknown fields included;</li>
 *   <li>the Java models (fabric8's Kubernetes and Istio models, Strimzi's API): the object read strictly, no value
 *       coerced to another type, and every field that no model property takes (fabric8 and Strimzi keep those as
 *       "additional properties") reported; Strimzi's enums are Java enums, so unknown values fail there too.</li>
 * </ul>
 * A kind that neither side knows is a problem too: nothing goes out unchecked.
 */
final class Validation {

    private static final ObjectMapper JSON = strict(new ObjectMapper());

    static final Map<String, String> JAVA_MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", "io.fabric8.kubernetes.api.model.Namespace"),
            Map.entry("v1/ServiceAccount", "io.fabric8.kubernetes.api.model.ServiceAccount"),
            Map.entry("rbac.authorization.k8s.io/v1/Role", "io.fabric8.kubernetes.api.model.rbac.Role"),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", "io.fabric8.kubernetes.api.model.rbac.RoleBinding"),
            Map.entry("v1/ConfigMap", "io.fabric8.kubernetes.api.model.ConfigMap"),
            Map.entry("v1/Secret", "io.fabric8.kubernetes.api.model.Secret"),
            Map.entry("v1/Service", "io.fabric8.kubernetes.api.model.Service"),
            Map.entry("v1/PersistentVolumeClaim", "io.fabric8.kubernetes.api.model.PersistentVolumeClaim"),
            Map.entry("apps/v1/Deployment", "io.fabric8.kubernetes.api.model.apps.Deployment"),
            Map.entry("apps/v1/StatefulSet", "io.fabric8.kubernetes.api.model.apps.StatefulSet"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", "io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler"),
            Map.entry("policy/v1/PodDisruptionBudget", "io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy"),
            Map.entry("security.istio.io/v1/PeerAuthentication", "io.fabric8.istio.api.security.v1.PeerAuthentication"),
            Map.entry("security.istio.io/v1/AuthorizationPolicy", "io.fabric8.istio.api.security.v1.AuthorizationPolicy"),
            Map.entry("networking.istio.io/v1/DestinationRule", "io.fabric8.istio.api.networking.v1.DestinationRule"),
            Map.entry("networking.istio.io/v1/VirtualService", "io.fabric8.istio.api.networking.v1.VirtualService"),
            Map.entry("networking.istio.io/v1/Gateway", "io.fabric8.istio.api.networking.v1.Gateway"),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", "io.strimzi.api.kafka.model.kafka.Kafka"),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool"),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic"));

    private Validation() {
    }

    /** No scalar turns into another type: the API server refuses {@code replicas: "2"} and {@code value: 8080} alike. */
    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType target : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(target).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    static List<String> problems(List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>(npm(objects));
        for (Map<String, Object> object : objects) {
            problems.addAll(java(object));
        }
        return problems;
    }

    /** The Java side alone, for one object. */
    static List<String> java(Map<String, Object> object) {
        String key = Rendering.key(object);
        String type = JAVA_MODELS.get(key);
        if (type == null) {
            return key.startsWith("postgresql.cnpg.io/") ? List.of() : List.of(Rendering.describe(object) + ": no Java model for " + key);
        }
        try {
            Object model = JSON.convertValue(object, Class.forName(type));
            List<String> problems = new ArrayList<>();
            unknownFields(model, "", problems);
            List<String> found = new ArrayList<>(problems.stream().map(field -> Rendering.describe(object) + ": unknown field " + field).toList());
            // A model that reads an unknown enum value as null (Strimzi's) loses it: what it writes back must hold
            // everything that was read.
            JsonNode read = JSON.valueToTree(object);
            ((com.fasterxml.jackson.databind.node.ObjectNode) read).remove(List.of("apiVersion", "kind"));  // the model's own
            lost(read, JSON.valueToTree(model), "", found, Rendering.describe(object));
            return found;
        } catch (IllegalArgumentException e) {
            return List.of(Rendering.describe(object) + ": " + e.getMessage().lines().findFirst().orElse(""));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The npm side: a problem for each object its models refuse, and for each they had no model of. */
    static List<String> npm(List<Map<String, Object>> objects) {
        try {
            Process node = new ProcessBuilder("node", Rendering.K8S.resolve("validate/validate.mjs").toString()).start();
            try (var in = node.getOutputStream()) {
                in.write(JSON.writeValueAsBytes(objects));
            }
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(2, TimeUnit.MINUTES) || node.exitValue() != 0) {
                throw new AssertionError("validate.mjs failed (did npm ci run in deploy/k8s/validate?): " + err);
            }
            JsonNode result = JSON.readTree(out);
            List<String> problems = new ArrayList<>();
            result.get("problems").forEach(p -> problems.add(p.get("kind").asText() + " " + p.get("name").asText() + ": " + p.get("error").asText()));
            result.get("unchecked").forEach(u -> {
                String key = u.get("apiVersion").asText() + "/" + u.get("kind").asText();
                if (!key.startsWith("kafka.strimzi.io/")) {  // Strimzi's Java API checks those, enums included
                    problems.add(u.get("kind").asText() + " " + u.get("name").asText() + ": no npm model for " + key);
                }
            });
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run node", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void lost(JsonNode read, JsonNode written, String path, List<String> found, String object) {
        if (written == null || written.isNull() || written.isMissingNode()) {
            // Models leave out what equals their default (false, 0, empty) when they write; an unknown field is kept
            // aside instead (above), so only a value the model could not read is missing for real.
            boolean defaultValue = read.isNull() || (read.isContainerNode() && read.isEmpty()) || (read.isBoolean() && !read.asBoolean())
                    || (read.isNumber() && read.asDouble() == 0);
            if (!defaultValue) {
                found.add(object + ": not understood at " + path + ": " + read);
            }
            return;
        }
        if (read.isObject()) {
            read.properties().forEach(field -> lost(field.getValue(), written.get(field.getKey()), path + "." + field.getKey(), found, object));
        } else if (read.isArray()) {
            for (int i = 0; i < read.size(); i++) {
                lost(read.get(i), written.get(i), path + "[" + i + "]", found, object);
            }
        } else if (!read.asText().equals(written.asText())) {
            found.add(object + ": read " + read + " at " + path + " as " + written);
        }
    }

    /** Fields the model kept aside because no property of it took them: a typo, or a field of another version. */
    private static void unknownFields(Object model, String path, List<String> found) {
        if (model == null || model instanceof String || model instanceof Number || model instanceof Boolean || model instanceof Enum<?>) {
            return;
        }
        if (model instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (model instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, found));
            return;
        }
        String pkg = model.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : getters(model.getClass())) {
            try {
                Object value = getter.invoke(model);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        extra.keySet().forEach(k -> found.add(path + "." + k));
                    }
                } else {
                    unknownFields(value, path + "." + property(getter), found);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<Method> getters(Class<?> type) {
        List<Method> getters = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers()) && method.getName().startsWith("get")
                    && !method.getName().equals("getClass") && seen.add(method.getName())) {
                getters.add(method);
            }
        }
        return getters;
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
