package io.solidafy.cdk.declarative.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The checks of a connector file that the connector schema states: unknown keys, missing keys,
 * wrong kinds of values, values outside their list, numbers below their minimum, empty lists. It
 * walks the document along the schema's {@code properties}, {@code items}, {@code $ref} and typed
 * variants ({@code allOf} of {@code if type = X then ...}) and words each finding for a person, with
 * a suggestion for typos. What a schema cannot say (templates, record paths, references between
 * streams) is checked by {@link DefinitionValidator}. Stateless.
 */
final class SchemaChecks {

    private final ConnectorSchema schema;

    SchemaChecks(ConnectorSchema schema) {
        this.schema = schema;
    }

    /** Reports every finding for a whole document as (path, message). */
    void check(JsonNode document, BiConsumer<String, String> problems) {
        check(document, schema.block(""), "", problems);
    }

    private void check(JsonNode node, JsonNode rule, String at, BiConsumer<String, String> problems) {
        JsonNode def = rule.has("$ref") ? schema.block(ConnectorSchema.refName(rule)) : rule;
        if (!kindMatches(node, def)) {
            problems.accept(at, "must be " + expected(def) + ".");
            return;
        }
        if (def.has("anyOf")) {
            boolean any = false;
            for (JsonNode branch : def.get("anyOf")) {
                List<String> found = new ArrayList<>();
                check(node, branch, at, (p, m) -> found.add(m));
                any |= found.isEmpty();
            }
            if (!any) {
                problems.accept(at, "must be " + lowerFirst(def.path("description").asText("a value of another kind")) + ".");
            }
            return;
        }
        if (def.has("enum") && !contains(def.get("enum"), node)) {
            Set<String> allowed = texts(def.get("enum"));
            String value = node.asText();
            problems.accept(at, "'" + value + "' is not allowed" + DefinitionValidator.suggestion(value, allowed) + "; use one of "
                    + readable(allowed) + ".");
            return;
        }
        if (def.has("minimum") && node.isNumber() && node.asDouble() < def.get("minimum").asDouble()) {
            problems.accept(at, "must be " + expected(def) + ".");
        }
        if (def.has("minLength") && node.isTextual() && node.asText().isBlank()) {
            problems.accept(at, "must be a non-empty text value.");
        }
        if (node.isArray()) {
            if (def.has("minItems") && node.size() < def.get("minItems").asInt()) {
                problems.accept(at, "must be a non-empty list.");
            }
            if (def.has("items")) {
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), def.get("items"), at + "[" + i + "]", problems);
                }
            }
        }
        if (node.isObject()) {
            object(node, def, at, problems);
        }
    }

    private void object(JsonNode node, JsonNode def, String at, BiConsumer<String, String> problems) {
        JsonNode properties = def.path("properties");
        for (JsonNode key : def.path("required")) {
            JsonNode value = node.get(key.asText());
            if (value == null || value.isNull()) {
                problems.accept(at, key.asText() + " is required" + choices(def, key.asText()) + ".");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
            JsonNode property = properties.get(field.getKey());
            if (field.getValue().isNull()) {
                continue; // an empty value counts as absent: "required" above names it when it matters
            }
            if (property != null) {
                check(field.getValue(), property, path, problems);
            } else if (def.path("additionalProperties").isObject()) {
                check(field.getValue(), def.get("additionalProperties"), path, problems);
            } else if (def.path("additionalProperties").asBoolean(true) == false) {
                Set<String> allowed = new LinkedHashSet<>();
                properties.fieldNames().forEachRemaining(allowed::add);
                String hint = DefinitionValidator.suggestion(field.getKey(), allowed);
                problems.accept(path, hint.isEmpty() ? "unknown key; allowed here: " + readable(allowed) + "." : "unknown key" + hint);
            }
        }
        for (JsonNode branch : def.path("allOf")) {
            String type = branch.at("/if/properties/type/const").asText("");
            boolean needsType = branch.at("/if/required").size() > 0;
            JsonNode actual = node.get("type");
            if ((actual == null && !needsType) || (actual != null && actual.asText().equals(type))) {
                check(node, branch.get("then"), at, problems);
            }
        }
    }

    /** For a missing {@code type} of a typed block, the types it may take. */
    private String choices(JsonNode def, String key) {
        if (!key.equals("type") || !def.has("allOf")) {
            return "";
        }
        Set<String> types = new TreeSet<>();
        def.get("allOf").forEach(b -> types.add(b.at("/if/properties/type/const").asText()));
        boolean open = !def.at("/properties/type").has("enum");
        return " (" + String.join(", ", types) + (open ? " or a plugin's type" : "") + ")";
    }

    private static boolean kindMatches(JsonNode node, JsonNode def) {
        JsonNode type = def.get("type");
        if (type == null) {
            return true;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (kind(node, t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return kind(node, type.asText());
    }

    private static boolean kind(JsonNode node, String type) {
        return switch (type) {
            case "object" -> node.isObject();
            case "array" -> node.isArray();
            case "string" -> node.isTextual();
            case "number" -> node.isNumber();
            case "integer" -> node.isIntegralNumber();
            case "boolean" -> node.isBoolean();
            case "null" -> node.isNull();
            default -> false;
        };
    }

    /** "a number of 0 or more", "a mapping (key: value lines)", "a text value", ... */
    private static String expected(JsonNode def) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = def.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (!type.isMissingNode()) {
            types.add(type.asText());
        }
        if (types.containsAll(Set.of("string", "number", "boolean"))) {
            types.removeAll(Set.of("number", "boolean")); // a template: numbers and booleans are its text
        }
        List<String> words = new ArrayList<>();
        for (String t : types) {
            words.add(switch (t) {
                case "object" -> "a mapping (key: value lines)";
                case "array" -> "a list";
                case "string" -> def.has("minLength") ? "a non-empty text value" : "a text value";
                case "integer" -> "a whole number";
                case "boolean" -> "true or false";
                case "null" -> "empty";
                default -> "a number";
            });
        }
        String minimum = def.has("minimum") ? " of " + def.get("minimum").asText() + " or more" : "";
        return String.join(" or ", words) + minimum;
    }

    private static boolean contains(JsonNode values, JsonNode node) {
        for (JsonNode value : values) {
            if (value.asText().equals(node.asText())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> texts(JsonNode values) {
        Set<String> texts = new LinkedHashSet<>();
        values.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    /** Sorted, and without the lower-case twins of upper-case words (HTTP methods). */
    private static String readable(Set<String> values) {
        Set<String> sorted = new TreeSet<>();
        for (String value : values) {
            if (!(value.equals(value.toLowerCase(Locale.ROOT)) && values.contains(value.toUpperCase(Locale.ROOT)) && !value.equals(value.toUpperCase(Locale.ROOT)))) {
                sorted.add(value);
            }
        }
        return sorted.toString();
    }

    private static String lowerFirst(String text) {
        String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return trimmed.isEmpty() ? trimmed : Character.toLowerCase(trimmed.charAt(0)) + trimmed.substring(1);
    }
}
