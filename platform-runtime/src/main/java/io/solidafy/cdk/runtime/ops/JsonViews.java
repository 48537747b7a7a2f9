package io.solidafy.cdk.runtime.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.pipeline.StreamResult;
import io.solidafy.cdk.spi.ConfigField;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import java.util.List;

/** The JSON shapes of the guide: connectors, catalogs, summaries. One place for each. */
public final class JsonViews {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonViews() {}

    /** An entry of CONNECTORS / {@code GET /connectors}. */
    public static ObjectNode connector(ConnectorInfo info) {
        ObjectNode node = NODES.objectNode();
        node.put("name", info.name());
        node.put("description", info.description());
        node.put("category", info.category());
        node.set("aliases", strings(info.aliases()));
        node.put("connector_type", info.connectorType());
        node.set("config_schema", configSchema(info.configFields()));
        if (info.streamsDynamic()) {
            node.putNull("streams");
            node.put("streams_dynamic", true);
            node.put("streams_hint", "Call POST /streams (or the streams command) with a connection config to discover them");
        } else {
            node.set("streams", strings(info.streams()));
            node.put("streams_dynamic", false);
        }
        return node;
    }

    /** The body of SPEC. */
    public static ObjectNode spec(ConnectorInfo info) {
        ObjectNode node = connector(info);
        node.put("version", info.version());
        info.definitionFile().ifPresent(f -> node.put("definition_file", f.toString()));
        return node;
    }

    public static ArrayNode configSchema(List<ConfigField> fields) {
        ArrayNode array = NODES.arrayNode();
        for (ConfigField field : fields) {
            ObjectNode node = array.addObject();
            node.put("name", field.name());
            node.put("type", field.type());
            node.put("required", field.required());
            node.put("secret", field.secret());
            node.put("description", field.description());
            node.set("default", field.defaultValue().<JsonNode>map(JsonNode::deepCopy).orElse(NODES.nullNode()));
        }
        return array;
    }

    /** A stream of CATALOG. */
    public static ObjectNode catalogStream(StreamDescriptor stream) {
        ObjectNode node = NODES.objectNode();
        node.put("name", stream.name());
        node.set("json_schema", stream.jsonSchema().map(s -> (ObjectNode) s.deepCopy()).orElseGet(JsonViews::openSchema));
        ArrayNode modes = node.putArray("supported_sync_modes").add("full_refresh");
        if (stream.incremental()) {
            modes.add("incremental");
        }
        node.put("source_defined_cursor", stream.incremental());
        node.set("default_cursor_field", strings(stream.cursorField()));
        ArrayNode keys = node.putArray("source_defined_primary_key");
        stream.primaryKey().forEach(key -> keys.add(strings(key)));
        return node;
    }

    public static ObjectNode openSchema() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.putObject("properties");
        schema.put("additionalProperties", true);
        return schema;
    }

    /** An entry of SYNC_SUMMARY.streams. */
    public static ObjectNode streamResult(StreamResult result) {
        ObjectNode node = NODES.objectNode();
        node.put("stream", result.stream());
        node.put("status", result.status());
        node.put("records_synced", result.records());
        node.put("duration_ms", result.durationMs());
        if (!result.outputFiles().isEmpty()) {
            node.put("output_file", result.outputFiles().get(0));
            node.set("output_files", strings(result.outputFiles()));
        }
        result.cursor().ifPresent(c -> node.set("cursor_value", c.deepCopy()));
        result.error().ifPresent(e -> node.put("error", e));
        return node;
    }

    public static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
