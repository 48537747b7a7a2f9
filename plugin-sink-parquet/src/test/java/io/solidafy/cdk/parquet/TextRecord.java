package io.solidafy.cdk.parquet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/** A record with its JSON text, as a source that writes the text first hands it over (here with its tree made eagerly). */
public final class TextRecord extends ObjectNode implements JsonText {

    private final byte[] text;

    public TextRecord(String json) {
        super(JsonNodeFactory.instance, new LinkedHashMap<>());
        setAll((ObjectNode) Json.parse(json));
        this.text = json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] jsonText() {
        return text;
    }
}
