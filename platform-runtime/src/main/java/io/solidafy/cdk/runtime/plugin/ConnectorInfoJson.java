package io.solidafy.cdk.runtime.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConfigField;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ConnectorInfo} to JSON and back, field for field, for the connector index. */
final class ConnectorInfoJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConnectorInfoJson() {}

    static ObjectNode write(ConnectorInfo info) {
        ObjectNode node = NODES.objectNode();
        node.put("name", info.name());
        node.put("version", info.version());
        node.set("aliases", strings(info.aliases()));
        node.put("description", info.description());
        node.put("category", info.category());
        node.put("connector_type", info.connectorType());
        ArrayNode fields = node.putArray("config_fields");
        for (ConfigField field : info.configFields()) {
            ObjectNode f = fields.addObject();
            f.put("name", field.name());
            f.put("type", field.type());
            f.put("required", field.required());
            f.put("secret", field.secret());
            f.put("description", field.description());
            field.defaultValue().ifPresent(value -> f.set("default", value));
        }
        node.set("streams", strings(info.streams()));
        node.put("streams_dynamic", info.streamsDynamic());
        info.definitionFile().ifPresent(file -> node.put("definition_file", file.toString()));
        return node;
    }

    static ConnectorInfo read(JsonNode node) {
        List<ConfigField> fields = new ArrayList<>();
        for (JsonNode f : node.path("config_fields")) {
            fields.add(new ConfigField(f.get("name").asText(), f.get("type").asText(), f.get("required").asBoolean(),
                    f.get("secret").asBoolean(), f.get("description").asText(), Optional.ofNullable(f.get("default"))));
        }
        return new ConnectorInfo(
                node.get("name").asText(),
                node.get("version").asText(),
                strings(node.get("aliases")),
                node.get("description").asText(),
                node.get("category").asText(),
                node.get("connector_type").asText(),
                fields,
                strings(node.get("streams")),
                node.get("streams_dynamic").asBoolean(),
                Optional.ofNullable(node.get("definition_file")).map(file -> Path.of(file.asText())));
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }
}
