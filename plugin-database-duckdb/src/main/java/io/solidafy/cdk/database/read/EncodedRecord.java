package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.JsonText;
import java.io.IOException;

/**
 * A row as an ordinary {@link ObjectNode} whose JSON text was written on the row-conversion thread
 * ({@link RecordEncoder}), straight from the column values. Serialising copies that text into the
 * generator, the exact bytes Jackson writes for the same tree; the tree itself is made only for
 * whoever asks for it ({@link RecordFields}), with the same node classes the column readers give.
 * Once the tree was made, or when the generator or mapper is set up to write anything other than
 * Jackson's default compact output, serialising takes Jackson's ordinary path over the tree.
 */
final class EncodedRecord extends ObjectNode implements JsonText {

    /** The last mapper configuration found to write nodes plainly: one serves every record of a run. */
    private static volatile SerializationConfig plainConfig;

    private final transient RecordFields fields;

    EncodedRecord(RecordFields fields) {
        super(JsonNodeFactory.instance, fields);
        this.fields = fields;
    }

    @Override
    public byte[] jsonText() {
        return fields.jsonWhileUnchanged();
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        byte[] json = fields.jsonWhileUnchanged();
        if (json != null && defaultOutput(g, provider)) {
            g.writeRawValue(new RawJson(json));
        } else {
            super.serialize(g, provider);
        }
    }

    /**
     * True when the generator writes Jackson's default compact UTF-8 (no pretty printer, no extra
     * escaping, numbers as numbers, doubles by {@link Double#toString}) and the mapper neither
     * filters nor sorts properties: what {@link RecordEncoder} wrote the text for. (JSON features
     * a generator does not report, such as escaping slashes, are assumed at their defaults, as the
     * runtime's mapper has them.)
     */
    @SuppressWarnings("deprecation")
    static boolean defaultOutput(JsonGenerator g, SerializerProvider provider) {
        if (g.getClass() != UTF8JsonGenerator.class || g.getPrettyPrinter() != null || g.getCharacterEscapes() != null
                || g.getHighestEscapedChar() != 0 || g.isEnabled(JsonGenerator.Feature.ESCAPE_NON_ASCII)
                || g.isEnabled(JsonGenerator.Feature.WRITE_NUMBERS_AS_STRINGS) || !g.isEnabled(JsonGenerator.Feature.QUOTE_FIELD_NAMES)
                || !g.isEnabled(JsonGenerator.Feature.WRITE_HEX_UPPER_CASE) || g.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                || g.isEnabled(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)) {
            return false;
        }
        if (provider == null || provider.getConfig() == plainConfig) {
            return true;
        }
        SerializationConfig config = provider.getConfig();
        boolean plain = config.isEnabled(SerializationFeature.WRITE_EMPTY_JSON_ARRAYS) && config.isEnabled(JsonNodeFeature.WRITE_NULL_PROPERTIES)
                && !config.isEnabled(JsonNodeFeature.WRITE_PROPERTIES_SORTED);
        if (plain) {
            plainConfig = config;
        }
        return plain;
    }
}
