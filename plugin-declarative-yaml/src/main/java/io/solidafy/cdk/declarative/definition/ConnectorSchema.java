package io.solidafy.cdk.declarative.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The connector format's one definition, {@code docs/connector.schema.json} (packaged beside this
 * class), read as data: the keys each block allows, the keys it requires, the values a key may take
 * and the variants of typed blocks ({@code auth}, {@code pagination}, {@code decoder},
 * {@code partition}). Immutable.
 *
 * <p>Blocks are named by their {@code $defs} entry; {@code ""} is the top level. A typed block lists
 * its variants as {@code allOf: [{if: {properties: {type: {const: X}}}, then: {$ref: .../<block>_X}}]}.
 */
public final class ConnectorSchema {

    /** The resource name of the schema inside the plugin. */
    public static final String RESOURCE = "connector.schema.json";

    private static final ConnectorSchema INSTANCE = load();

    private final JsonNode root;

    private ConnectorSchema(JsonNode root) {
        this.root = root;
    }

    public static ConnectorSchema get() {
        return INSTANCE;
    }

    /** The schema document itself. */
    public JsonNode document() {
        return root.deepCopy();
    }

    private static ConnectorSchema load() {
        try (InputStream in = ConnectorSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the YAML plugin's jar.");
            }
            return new ConnectorSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " cannot be read", e);
        }
    }

    /** The definition of a block: {@code ""} for the top level, else its {@code $defs} name. */
    public JsonNode block(String name) {
        JsonNode block = name.isEmpty() ? root : root.path("$defs").path(name);
        if (!block.isObject()) {
            throw new IllegalStateException(RESOURCE + " defines no block '" + name + "'.");
        }
        return block;
    }

    /** The keys a block allows, in schema order. */
    public Set<String> keys(String block) {
        return names(block(block).path("properties"));
    }

    /** The keys a block requires. */
    public Set<String> required(String block) {
        Set<String> required = new LinkedHashSet<>();
        block(block).path("required").forEach(k -> required.add(k.asText()));
        return Set.copyOf(required);
    }

    /** The values a key of a block may take ({@code enum}), e.g. the stop types. */
    public Set<String> values(String block, String key) {
        Set<String> values = new LinkedHashSet<>();
        JsonNode property = block(block).path("properties").path(key);
        JsonNode enumeration = property.has("$ref") ? block(refName(property)).path("enum") : property.path("enum");
        enumeration.forEach(v -> values.add(v.asText()));
        return Set.copyOf(values);
    }

    /** The variants of a typed block: type name to the {@code $defs} name that describes it, in schema order. */
    public Map<String, String> variants(String block) {
        Map<String, String> variants = new LinkedHashMap<>();
        for (JsonNode branch : block(block).path("allOf")) {
            String type = branch.at("/if/properties/type/const").asText("");
            if (!type.isEmpty()) {
                variants.put(type, refName(branch.path("then")));
            }
        }
        return variants;
    }

    /** The name of the {@code $defs} entry a {@code {"$ref": "#/$defs/x"}} node points to. */
    static String refName(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new LinkedHashSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
