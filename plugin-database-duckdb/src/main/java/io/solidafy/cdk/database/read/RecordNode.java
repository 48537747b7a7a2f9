package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row as an ordinary {@link ObjectNode} that also carries part of its JSON encoding done in
 * advance: column names UTF-8 encoded once per read, doubles and decimals formatted (as Jackson
 * would) on the row-conversion thread. The runtime writes all records on one thread, the busiest of
 * a read, and this halves its work per row. (Text values are left to the generator: encoding them
 * in advance cost more in allocation than it saved.) Serialising gives exactly the bytes a plain
 * {@code ObjectNode} gives; whatever the reader changed after the row was built (a replaced value, a
 * removed field), and any generator or mapper setting that would change the output, takes
 * Jackson's ordinary path.
 */
final class RecordNode extends ObjectNode {

    /** The columns of one read: names and their pre-encoded form. */
    record Columns(String[] keys, SerializedString[] names) {

        static Columns of(String[] keys) {
            SerializedString[] names = new SerializedString[keys.length];
            for (int i = 0; i < keys.length; i++) {
                names[i] = new SerializedString(keys[i]);
                names[i].asQuotedUTF8(); // computed once, reused by every row
            }
            return new Columns(keys, names);
        }
    }

    private final transient Columns columns;
    private final transient JsonNode[] values;
    private final transient String[] encoded;

    RecordNode(Columns columns) {
        // sized so that the row's columns fit without rehashing, and no larger
        super(JsonNodeFactory.instance, new LinkedHashMap<>((int) Math.ceil(columns.keys().length / 0.75) + 1));
        this.columns = columns;
        this.values = new JsonNode[columns.keys().length];
        this.encoded = new String[columns.keys().length];
    }

    /** Sets column {@code index} and prepares its encoding. */
    void setColumn(int index, JsonNode value) {
        _children.put(columns.keys()[index], value);
        values[index] = value;
        if (value instanceof DoubleNode number) {
            encoded[index] = Double.toString(number.doubleValue());
        } else if (value instanceof DecimalNode number) {
            encoded[index] = number.decimalValue().toString();
        }
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        if (!plainOutput(g, provider)) {
            super.serialize(g, provider);
            return;
        }
        String[] keys = columns.keys();
        g.writeStartObject(this, _children.size());
        int i = 0;
        for (Map.Entry<String, JsonNode> entry : _children.entrySet()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            boolean ours = i < keys.length && key == keys[i];
            if (ours) {
                g.writeFieldName(columns.names()[i]);
            } else {
                g.writeFieldName(key);
            }
            String prepared = ours && value == values[i] ? encoded[i] : null;
            if (prepared != null) {
                g.writeNumber(prepared);
            } else {
                value.serialize(g, provider);
            }
            i++;
        }
        g.writeEndObject();
    }

    /**
     * True when the default encoding applies: no escaping beyond JSON's own, doubles written by
     * {@link Double#toString}, and the mapper neither filters nor sorts properties.
     */
    @SuppressWarnings("deprecation")
    private static boolean plainOutput(JsonGenerator g, SerializerProvider provider) {
        if (g.getCharacterEscapes() != null || g.isEnabled(JsonGenerator.Feature.ESCAPE_NON_ASCII)
                || g.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER) || g.isEnabled(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)) {
            return false;
        }
        return provider == null || (provider.isEnabled(SerializationFeature.WRITE_EMPTY_JSON_ARRAYS)
                && provider.isEnabled(JsonNodeFeature.WRITE_NULL_PROPERTIES)
                && !provider.isEnabled(JsonNodeFeature.WRITE_PROPERTIES_SORTED));
    }
}
