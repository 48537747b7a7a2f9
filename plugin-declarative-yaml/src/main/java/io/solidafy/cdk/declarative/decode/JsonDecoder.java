package io.solidafy.cdk.declarative.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.path.RecordPath;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * JSON bodies. With a key-only {@code records_path} (or none) the body is streamed with a {@link
 * JsonParser}: only one record and the envelope are in memory at a time. Paths with indexes or
 * wildcards read the whole document first. Without a path, a top-level array gives its elements
 * and anything else is one record.
 */
public final class JsonDecoder implements Decoder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper;
    private final Optional<RecordPath> path;

    public JsonDecoder(ObjectMapper mapper, Optional<RecordPath> path) {
        this.mapper = mapper;
        this.path = path;
    }

    /** Mutable progress of one decode. */
    private static final class Progress {
        final RecordSink sink;
        int count;
        JsonNode last;
        boolean stopped;

        Progress(RecordSink sink) {
            this.sink = sink;
        }

        void emit(JsonNode node) {
            count++;
            last = node;
            if (!sink.accept(Records.asRecord(node))) {
                stopped = true;
            }
        }
    }

    @Override
    public DecodedPage decode(InputStream body, RecordSink sink) throws IOException {
        Progress progress = new Progress(sink);
        JsonNode envelope;
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                envelope = NODES.objectNode();
            } else if (path.isPresent() && !path.get().onlyKeys()) {
                JsonNode document = mapper.readTree(parser);
                for (JsonNode selected : path.get().selectAll(document)) {
                    if (selected.isArray()) {
                        for (JsonNode element : selected) {
                            progress.emit(element);
                            if (progress.stopped) {
                                break;
                            }
                        }
                    } else if (!selected.isNull()) {
                        progress.emit(selected);
                    }
                    if (progress.stopped) {
                        break;
                    }
                }
                envelope = document;
            } else {
                List<String> keys = path.map(RecordPath::keys).orElse(List.of());
                if (keys.isEmpty()) {
                    envelope = topLevel(parser, progress);
                } else if (first == JsonToken.START_OBJECT) {
                    envelope = object(parser, keys, 0, progress);
                } else {
                    envelope = mapper.readTree(parser); // no object: nothing at the path
                }
            }
        }
        return new DecodedPage(envelope, progress.count, Optional.ofNullable(progress.last), progress.stopped);
    }

    private JsonNode topLevel(JsonParser parser, Progress progress) throws IOException {
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            ArrayNode envelope = NODES.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                progress.emit(mapper.readTree(parser));
                if (progress.stopped) {
                    break;
                }
            }
            if (progress.last != null) {
                envelope.add(progress.last);
            }
            return envelope;
        }
        JsonNode node = mapper.readTree(parser);
        if (!node.isNull()) {
            progress.emit(node);
        }
        return node;
    }

    /** Reads an object whose START_OBJECT is current, streaming the records found at {@code keys}. */
    private ObjectNode object(JsonParser parser, List<String> keys, int depth, Progress progress) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!name.equals(keys.get(depth))) {
                object.set(name, mapper.readTree(parser));
            } else if (depth < keys.size() - 1) {
                object.set(name, value == JsonToken.START_OBJECT ? object(parser, keys, depth + 1, progress) : mapper.readTree(parser));
            } else if (value == JsonToken.START_ARRAY) {
                ArrayNode kept = object.putArray(name);
                JsonNode before = progress.last;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    progress.emit(mapper.readTree(parser));
                    if (progress.stopped) {
                        break;
                    }
                }
                if (progress.last != null && progress.last != before) {
                    kept.add(progress.last);
                }
            } else {
                JsonNode node = mapper.readTree(parser);
                object.set(name, node);
                if (node.isObject()) {
                    progress.emit(node);
                }
            }
            if (progress.stopped) {
                return object;
            }
        }
        return object;
    }
}
