package io.solidafy.cdk.declarative.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Newline-delimited JSON: one record per line, streamed. */
public final class JsonlDecoder implements Decoder {

    private final ObjectMapper mapper;

    public JsonlDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public DecodedPage decode(InputStream body, RecordSink sink) throws IOException {
        int count = 0;
        JsonNode last = null;
        boolean stopped = false;
        try (MappingIterator<JsonNode> lines = mapper.readerFor(JsonNode.class).readValues(body)) {
            while (lines.hasNextValue()) {
                JsonNode node = lines.nextValue();
                count++;
                last = node;
                if (!sink.accept(Records.asRecord(node))) {
                    stopped = true;
                    break;
                }
            }
        }
        return new DecodedPage(mapper.createObjectNode(), count, Optional.ofNullable(last), stopped);
    }
}
