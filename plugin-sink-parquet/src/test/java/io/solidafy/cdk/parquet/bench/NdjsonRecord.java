package io.solidafy.cdk.parquet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.JsonText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A line of NDJSON as a record, the way a source holding JSON text hands it over: its text for
 * sinks that read {@link JsonText}, its tree parsed only when something asks for it (after which
 * the text is no longer offered, since the tree may change).
 */
final class NdjsonRecord extends ObjectNode implements JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Fields fields;

    NdjsonRecord(byte[] line) {
        this(new Fields(line));
    }

    private NdjsonRecord(Fields fields) {
        super(JsonNodeFactory.instance, fields);
        this.fields = fields;
    }

    @Override
    public byte[] jsonText() {
        return fields.tree == null ? fields.text : null;
    }

    /** The record's fields, parsed from the text on first use. */
    private static final class Fields extends AbstractMap<String, JsonNode> {
        private final byte[] text;
        private Map<String, JsonNode> tree;

        Fields(byte[] text) {
            this.text = text;
        }

        private Map<String, JsonNode> tree() {
            if (tree == null) {
                try {
                    Map<String, JsonNode> parsed = new LinkedHashMap<>();
                    MAPPER.readValue(text, ObjectNode.class).properties().forEach(e -> parsed.put(e.getKey(), e.getValue()));
                    tree = parsed;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return tree;
        }

        @Override
        public Set<Entry<String, JsonNode>> entrySet() {
            return tree().entrySet();
        }

        @Override
        public JsonNode get(Object key) {
            return tree().get(key);
        }

        @Override
        public JsonNode put(String key, JsonNode value) {
            return tree().put(key, value);
        }

        @Override
        public JsonNode remove(Object key) {
            return tree().remove(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return tree().containsKey(key);
        }

        @Override
        public int size() {
            return tree().size();
        }
    }
}
