package io.solidafy.cdk.declarative.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Infers a JSON schema from sample records: types per field (integer widening to number), null
 * when a null was seen, string formats (date-time, date, uri, email, uuid) when every sampled value
 * has the same one, nested objects and array items. Not thread-safe; one per stream.
 */
public final class SchemaInferrer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://\\S+");

    /** What was seen at one place of the records. */
    private static final class Shape {
        final Set<String> types = new TreeSet<>();
        final Map<String, Shape> properties = new LinkedHashMap<>();
        Shape items;
        /** null: no string seen yet; "": strings disagree or have none. */
        String format;

        void observe(JsonNode value) {
            if (value == null || value.isNull()) {
                types.add("null");
            } else if (value.isObject()) {
                types.add("object");
                value.properties().forEach(e -> properties.computeIfAbsent(e.getKey(), k -> new Shape()).observe(e.getValue()));
            } else if (value.isArray()) {
                types.add("array");
                if (items == null) {
                    items = new Shape();
                }
                value.forEach(items::observe);
            } else if (value.isIntegralNumber()) {
                types.add("integer");
            } else if (value.isNumber()) {
                types.add("number");
            } else if (value.isBoolean()) {
                types.add("boolean");
            } else {
                types.add("string");
                String detected = detect(value.asText());
                format = format == null ? detected : format.equals(detected) ? format : "";
            }
        }

        ObjectNode schema() {
            ObjectNode schema = NODES.objectNode();
            Set<String> kinds = new TreeSet<>(types);
            if (kinds.contains("number")) {
                kinds.remove("integer");
            }
            if (kinds.isEmpty()) {
                return schema; // only ever seen in empty arrays: anything
            }
            if (kinds.size() == 1) {
                schema.put("type", kinds.iterator().next());
            } else {
                ArrayNode list = schema.putArray("type");
                kinds.stream().filter(k -> !k.equals("null")).forEach(list::add);
                if (kinds.contains("null")) {
                    list.add("null");
                }
            }
            if (format != null && !format.isEmpty()) {
                schema.put("format", format);
            }
            if (kinds.contains("object")) {
                ObjectNode props = schema.putObject("properties");
                properties.forEach((k, v) -> props.set(k, v.schema()));
            }
            if (kinds.contains("array")) {
                schema.set("items", items == null ? NODES.objectNode() : items.schema());
            }
            return schema;
        }
    }

    private final Shape root = new Shape();

    public void observe(JsonNode record) {
        root.observe(record);
    }

    /** The schema of everything observed; an open object schema when nothing was. */
    public ObjectNode schema() {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("type", "object");
        ObjectNode props = schema.putObject("properties");
        root.properties.forEach((k, v) -> props.set(k, v.schema()));
        schema.put("additionalProperties", true);
        return schema;
    }

    static String detect(String text) {
        if (DATE_TIME.matcher(text).matches()) {
            return "date-time";
        }
        if (DATE.matcher(text).matches()) {
            return "date";
        }
        if (UUID.matcher(text).matches()) {
            return "uuid";
        }
        if (EMAIL.matcher(text).matches()) {
            return "email";
        }
        if (URI.matcher(text).matches()) {
            return "uri";
        }
        return "";
    }
}
