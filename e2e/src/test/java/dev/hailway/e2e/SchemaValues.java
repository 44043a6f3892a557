package dev.hailway.e2e;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values generated from an OpenAPI schema: {@link #valid} ones within what the schema says (types, formats, enums,
 * bounds, required properties), and {@link #wrong} ones that break one thing at a time. Every free-text string carries
 * the case's marker, so that a marker found later in a database names the request that stored it.
 */
final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String NOW = "{now}";
    private static final java.util.regex.Pattern LITERALS = java.util.regex.Pattern.compile("\\^?[A-Za-z0-9_]+(\\|[A-Za-z0-9_]+)*\\$?");

    /** Strings a parser or a database may choke on: unicode of every plane, control characters, escapes. */
    static final List<String> ODD_TEXT = List.of(
            "\u0000", "Ann\u0000", "\u001B[2J\u0007", "\uD83D\uDE95\uD83D\uDE95 택시 🚕", "\u202Eevil\u202C", "e\u0301\u0301\u0301",
            "\uFFFF\uFFFE", "\uD800", "\uDFFF lone", "%00%2e%2e%2f", "../../etc/passwd", "<script>alert(1)</script>",
            "' or 1=1 --", "${jndi:ldap://127.0.0.1/x}", "\\u0000", " ", "", "null", "NaN", "-0", "1e400",
            "2026-13-45T25:61:61Z", "+1000000000-12-31T23:59:59Z", "🚕".repeat(3000));

    private final Random random;
    /** Values for fields whose name says what they hold, where the schema alone says too little (coordinates). */
    private final Map<String, JsonNode> known;

    SchemaValues(Random random, Map<String, JsonNode> known) {
        this.random = random;
        this.known = known;
    }

    static Set<String> types(Schema<?> schema) {
        Set<String> types = new LinkedHashSet<>();
        if (schema.getTypes() != null) {
            types.addAll(schema.getTypes());
        }
        if (schema.getType() != null) {
            types.add(schema.getType());
        }
        if (types.isEmpty() && schema.getProperties() != null) {
            types.add("object");
        }
        types.remove("null");
        return types;
    }

    JsonNode valid(Schema<?> schema, String name, String marker) {
        if (name != null && known.containsKey(name)) {
            JsonNode value = known.get(name);
            // Coordinates vary by up to 0.02° (about 2 km) around the place given, so that two points of a request differ.
            return value.isNumber() && (name.equals("lat") || name.equals("lng"))
                    ? NODES.numberNode(value.asDouble() + (random.nextDouble() - 0.5) * 0.04) : value.deepCopy();
        }
        if (schema == null) {
            return NODES.stringNode(marker);
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return valid(schema.getOneOf().get(random.nextInt(schema.getOneOf().size())), name, marker);
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
            return valid(schema.getAnyOf().get(random.nextInt(schema.getAnyOf().size())), name, marker);
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return valid(schema.getAllOf().getFirst(), name, marker);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            Object value = schema.getEnum().get(random.nextInt(schema.getEnum().size()));
            return Api.JSON.valueToTree(value);
        }
        Set<String> types = types(schema);
        String type = types.isEmpty() ? "string" : types.iterator().next();
        return switch (type) {
            case "object" -> validObject(schema, marker);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int min = schema.getMinItems() == null ? 1 : Math.max(schema.getMinItems(), 1);
                int max = schema.getMaxItems() == null ? 3 : Math.min(schema.getMaxItems(), 3);
                int size = min + random.nextInt(Math.max(1, max - min + 1));
                for (int i = 0; i < size; i++) {
                    array.add(valid(schema.getItems(), name, marker));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(validNumber(schema).setScale(0, java.math.RoundingMode.DOWN).longValue());
            case "number" -> NODES.numberNode(validNumber(schema).doubleValue());
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.stringNode(validString(schema, name, marker));
        };
    }

    private ObjectNode validObject(Schema<?> schema, String marker) {
        ObjectNode object = NODES.objectNode();
        if (schema.getProperties() == null) {
            return object;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((property, propertySchema) -> {
            // Every required property, and most optional ones: a valid request need not use every option.
            if (required.contains(property) || random.nextInt(4) != 0) {
                object.set(property, valid(propertySchema, property, marker));
            }
        });
        return object;
    }

    private BigDecimal validNumber(Schema<?> schema) {
        BigDecimal min = schema.getMinimum() != null ? schema.getMinimum()
                : schema.getExclusiveMinimumValue() != null ? schema.getExclusiveMinimumValue().add(BigDecimal.ONE) : BigDecimal.ONE;
        BigDecimal max = schema.getMaximum() != null ? schema.getMaximum()
                : schema.getExclusiveMaximumValue() != null ? schema.getExclusiveMaximumValue().subtract(BigDecimal.ONE) : min.add(BigDecimal.valueOf(100));
        if (max.compareTo(min) < 0) {
            return min;
        }
        // Within the bounds, and not too close to them: bounds are what the invalid cases try.
        return min.add(max.subtract(min).multiply(BigDecimal.valueOf(0.1 + 0.8 * random.nextDouble())));
    }

    private String validString(Schema<?> schema, String name, String marker) {
        String format = schema.getFormat() != null ? schema.getFormat() : "email".equals(name) ? "email" : "";
        if (format.isEmpty() && schema.getPattern() != null) {
            return matching(schema, marker);
        }
        String value = switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            // Filled in when the request is sent: a ping's time must be recent then, not when the case was made.
            case "date-time" -> NOW;
            case "date" -> LocalDate.now().toString();
            case "email" -> marker + "@example.test";
            case "uri" -> "https://example.test/" + marker;
            default -> "fuzz " + marker;
        };
        if (!format.isEmpty()) {
            return value;
        }
        int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
        int max = schema.getMaxLength() == null ? Integer.MAX_VALUE : schema.getMaxLength();
        StringBuilder text = new StringBuilder(value);
        while (text.length() < min) {
            text.append('x');
        }
        if (text.length() > max) {
            // Short fields keep the marker, not the "fuzz " before it.
            return marker.length() <= max ? marker : text.substring(0, max);
        }
        return text.toString();
    }

    /**
     * A string for a {@code pattern}: one of its words when it is a list of them ({@code RIDER|DRIVER}), else the first
     * of a few candidates, the marker first, that the pattern and the length bounds accept.
     */
    private String matching(Schema<?> schema, String marker) {
        String pattern = schema.getPattern();
        if (LITERALS.matcher(pattern).matches()) {
            String[] words = pattern.replace("^", "").replace("$", "").split("\\|");
            return words[random.nextInt(words.length)];
        }
        int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
        int max = schema.getMaxLength() == null ? Integer.MAX_VALUE : schema.getMaxLength();
        java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(pattern);
        for (String candidate : List.of("fuzz " + marker, marker, "12가 3456", "x")) {
            if (candidate.length() >= min && candidate.length() <= max && compiled.matcher(candidate).find()) {
                return candidate;
            }
        }
        return marker;
    }

    /** A value that is wrong for {@code schema} in one way, picked at random; what is wrong is said in {@code why}. */
    JsonNode wrong(Schema<?> schema, String marker, StringBuilder why) {
        List<JsonNode> options = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        Set<String> types = schema == null ? Set.of() : types(schema);
        if (!types.contains("string")) {
            options.add(NODES.stringNode("fuzz " + marker));
            reasons.add("a string");
        }
        if (!types.contains("integer") && !types.contains("number")) {
            options.add(NODES.numberNode(12345));
            reasons.add("a number");
        }
        if (!types.contains("boolean")) {
            options.add(NODES.booleanNode(true));
            reasons.add("a boolean");
        }
        if (!types.contains("array")) {
            options.add(NODES.arrayNode().add(marker));
            reasons.add("an array");
        }
        if (!types.contains("object")) {
            options.add(NODES.objectNode().put("marker", marker));
            reasons.add("an object");
        }
        options.add(NODES.nullNode());
        reasons.add("null");
        if (types.contains("integer") || types.contains("number")) {
            for (Object number : List.of(-1, 0, Long.MIN_VALUE, Long.MAX_VALUE, new BigInteger("9223372036854775808"),
                    new BigDecimal("1e308"), new BigDecimal("-1e308"), new BigDecimal("8000.4"), new BigDecimal("1E+400"))) {
                options.add(number instanceof BigDecimal d ? NODES.numberNode(d)
                        : number instanceof BigInteger b ? NODES.numberNode(b) : NODES.numberNode(((Number) number).longValue()));
                reasons.add("the number " + number);
            }
            if (schema.getMinimum() != null) {
                options.add(NODES.numberNode(schema.getMinimum().subtract(new BigDecimal("0.000001"))));
                reasons.add("just below its minimum");
            }
            if (schema.getMaximum() != null) {
                options.add(NODES.numberNode(schema.getMaximum().add(new BigDecimal("0.000001"))));
                reasons.add("just above its maximum");
            }
        }
        if (types.contains("string") || types.isEmpty()) {
            String odd = ODD_TEXT.get(random.nextInt(ODD_TEXT.size()));
            options.add(NODES.stringNode(odd + marker));
            reasons.add("odd text " + printable(odd));
            options.add(NODES.stringNode(marker + "x".repeat(100_000)));
            reasons.add("a 100 000-character string");
            if (schema != null && schema.getMaxLength() != null) {
                options.add(NODES.stringNode((marker + "y".repeat(schema.getMaxLength() + 1))));
                reasons.add("one character over its maxLength");
            }
            if (schema != null && schema.getFormat() != null) {
                options.add(NODES.stringNode("not-a-" + schema.getFormat() + "-" + marker));
                reasons.add("not a " + schema.getFormat());
            }
            if (schema != null && schema.getEnum() != null) {
                options.add(NODES.stringNode(String.valueOf(schema.getEnum().getFirst()).toLowerCase() + marker));
                reasons.add("not one of its enum");
            }
        }
        if (types.contains("array")) {
            options.add(NODES.arrayNode());
            reasons.add("an empty array");
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 5000; i++) {
                many.add(valid(schema.getItems(), null, marker));
            }
            options.add(many);
            reasons.add("an array of 5000 items");
        }
        options.add(nested(marker, 64));
        reasons.add("nested junk 64 deep");
        int pick = random.nextInt(options.size());
        why.append(reasons.get(pick));
        return options.get(pick);
    }

    /** Arrays and objects inside each other, {@code depth} deep, with the marker at the bottom. */
    static JsonNode nested(String marker, int depth) {
        JsonNode node = NODES.stringNode(marker);
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("k", node);
        }
        return node;
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(24).forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.append(text.length() > 24 ? "…(" + text.length() + ")" : "").toString();
    }
}
