package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.path.RecordPath;
import io.solidafy.cdk.declarative.template.Scope;
import java.util.List;
import java.util.Map;

/** A stream's {@code transform}: {@code add_fields} (templates) then {@code remove_fields} (paths). Stateless. */
final class Transforms {

    private Transforms() {}

    static void apply(JsonNode transform, ObjectNode record, Scope scope, Engine engine) {
        JsonNode add = transform.get("add_fields");
        if (add != null && add.isObject()) {
            for (Map.Entry<String, JsonNode> field : add.properties()) {
                JsonNode value = field.getValue().isTextual()
                        ? engine.templates().renderValue(field.getValue().asText(), scope) : field.getValue();
                set(record, engine.path(field.getKey()).keys(), value);
            }
        }
        JsonNode remove = transform.get("remove_fields");
        if (remove != null && remove.isArray()) {
            for (JsonNode path : remove) {
                RecordPath parsed = engine.path(path.asText());
                List<String> keys = parsed.keys();
                if (keys.isEmpty()) {
                    continue;
                }
                JsonNode parent = record;
                for (int i = 0; i < keys.size() - 1 && parent != null; i++) {
                    parent = parent.get(keys.get(i));
                }
                if (parent instanceof ObjectNode object) {
                    object.remove(keys.get(keys.size() - 1));
                }
            }
        }
    }

    private static void set(ObjectNode record, List<String> keys, JsonNode value) {
        ObjectNode target = record;
        for (int i = 0; i < keys.size() - 1; i++) {
            JsonNode child = target.get(keys.get(i));
            target = child instanceof ObjectNode object ? object : target.putObject(keys.get(i));
        }
        target.set(keys.get(keys.size() - 1), value);
    }
}
