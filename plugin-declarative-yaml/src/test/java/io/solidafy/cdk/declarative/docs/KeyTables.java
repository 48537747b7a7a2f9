package io.solidafy.cdk.declarative.docs;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.declarative.definition.ConnectorSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key tables of {@code docs/connector-format.md}, written from the connector schema: one table
 * per block between {@code <!-- keys: BLOCK -->} and {@code <!-- /keys -->}. {@code BLOCK} is a
 * {@code $defs} name, {@code top} for the top level, or {@code BLOCK/key} for an object nested in a
 * block. Stateless.
 */
final class KeyTables {

    static final Pattern MARKER = Pattern.compile("<!-- keys: ([a-z0-9_/]+) -->\\n(.*?)<!-- /keys -->", Pattern.DOTALL);

    /** Readable names of the schema's value types. */
    private static final Map<String, String> TYPE_WORDS = Map.ofEntries(
            Map.entry("template", "template"),
            Map.entry("number_or_template", "number or template"),
            Map.entry("integer_or_template", "integer or template"),
            Map.entry("record_path", "record path"),
            Map.entry("duration", "duration"),
            Map.entry("method", "HTTP method"),
            Map.entry("template_map", "map of templates"),
            Map.entry("field_paths", "field path or list"),
            Map.entry("body", "body"),
            Map.entry("config_field", "config field"),
            Map.entry("selective_option", "option"));

    private final ConnectorSchema schema = ConnectorSchema.get();

    /** The document with every table rewritten from the schema. */
    String rewrite(String markdown) {
        Matcher m = MARKER.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("<!-- keys: " + m.group(1) + " -->\n" + table(m.group(1)) + "<!-- /keys -->"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The block names the document has tables for. */
    static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = MARKER.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** Every block with keys of its own: each needs a table. Typed blocks are described by their variants. */
    List<String> blocksWithKeys() {
        List<String> blocks = new ArrayList<>(List.of("top"));
        schema.document().path("$defs").properties().forEach(e -> {
            JsonNode def = e.getValue();
            if (def.has("properties") && !def.has("allOf")) {
                blocks.add(e.getKey());
                def.path("properties").properties().forEach(p -> {
                    if (p.getValue().has("properties")) {
                        blocks.add(e.getKey() + "/" + p.getKey());
                    }
                });
            }
        });
        return blocks;
    }

    String table(String name) {
        JsonNode block = block(name);
        Set<String> required = new java.util.HashSet<>();
        block.path("required").forEach(r -> required.add(r.asText()));
        StringBuilder out = new StringBuilder("| key | type | default | meaning |\n|---|---|---|---|\n");
        block.path("properties").properties().forEach(e -> {
            String key = e.getKey();
            JsonNode property = e.getValue();
            out.append("| `").append(key).append("` | ").append(type(property)).append(" | ")
                    .append(required.contains(key) ? "required" : property.has("default") ? "`" + text(property.get("default")) + "`" : "—")
                    .append(" | ").append(meaning(property)).append(" |\n");
        });
        return out.toString();
    }

    private JsonNode block(String name) {
        if (name.equals("top")) {
            return schema.block("");
        }
        int slash = name.indexOf('/');
        return slash < 0 ? schema.block(name) : schema.block(name.substring(0, slash)).path("properties").path(name.substring(slash + 1));
    }

    private String type(JsonNode property) {
        if (property.has("const")) {
            return "`" + property.get("const").asText() + "`";
        }
        if (property.has("$ref")) {
            String ref = ref(property);
            return TYPE_WORDS.getOrDefault(ref, "[" + ref + "](#" + (ref.equals("stream") ? "streams" : ref) + ")");
        }
        JsonNode type = property.path("type");
        if (type.isArray()) {
            List<String> words = new ArrayList<>();
            type.forEach(t -> words.add(t.asText()));
            return String.join(" or ", words);
        }
        if (type.asText().equals("array") && property.path("items").has("$ref")) {
            return "list of " + type(property.get("items"));
        }
        if (type.asText().equals("array")) {
            return "list";
        }
        if (type.asText().equals("object")) {
            return "mapping";
        }
        return type.isMissingNode() ? "any" : type.asText();
    }

    private String meaning(JsonNode property) {
        String description = property.path("description").asText("");
        if (description.isEmpty() && property.has("$ref")) {
            description = schema.block(ref(property)).path("description").asText("");
        }
        StringBuilder text = new StringBuilder(description);
        if (property.has("enum")) {
            List<String> values = new ArrayList<>();
            property.get("enum").forEach(v -> values.add("`" + v.asText() + "`"));
            text.append(": ").append(String.join(", ", values));
        }
        if (property.has("examples")) {
            text.append(", e.g. `").append(text(property.get("examples").get(0))).append("`");
        }
        return text.toString().replace("|", "\\|");
    }

    private static String ref(JsonNode node) {
        String ref = node.get("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString().toLowerCase(Locale.ROOT);
    }
}
