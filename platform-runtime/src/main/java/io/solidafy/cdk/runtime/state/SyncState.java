package io.solidafy.cdk.runtime.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConnectorException;
import java.util.Iterator;
import java.util.Map;

/**
 * The state of every stream of a connector: {@code {"streams": {"<stream>": {"cursor": ...}}}}.
 *
 * <p>Streams not synced in a run keep their state, so syncing a subset never loses the rest.
 * Thread-safe: concurrent streams update it.
 */
public final class SyncState {

    private final ObjectNode streams;

    private SyncState(ObjectNode streams) {
        this.streams = streams;
    }

    public static SyncState empty() {
        return new SyncState(JsonNodeFactory.instance.objectNode());
    }

    /**
     * Accepts the final STATE form {@code {"streams": {...}}}, the bare map form {@code {"<stream>":
     * {...}}} used by the HTTP API, or the whole STATE message {@code {"type":"STATE","state":{...}}}.
     *
     * @param what names the input in errors, e.g. {@code --state-json}
     */
    public static SyncState parse(JsonNode root, String what) {
        JsonNode node = root;
        if (node.has("type") && node.has("state")) {
            node = node.get("state");
        }
        if (node.has("streams")) {
            node = node.get("streams");
        }
        if (!node.isObject()) {
            throw new ConnectorException(what + " must map stream names to objects, e.g. {\"streams\":{\"customers\":{\"cursor\":\"...\"}}}.");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (!entry.getValue().isObject()) {
                throw new ConnectorException(what + ": the state of stream '" + entry.getKey()
                        + "' must be an object such as {\"cursor\":\"...\"}, not " + entry.getValue() + ".");
            }
        }
        return new SyncState(((ObjectNode) node).deepCopy());
    }

    /** A copy of one stream's state; an empty object when there is none. */
    public synchronized ObjectNode stream(String name) {
        JsonNode state = streams.get(name);
        return state == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) state.deepCopy();
    }

    public synchronized void put(String name, ObjectNode state) {
        streams.set(name, state.deepCopy());
    }

    /** A copy of the streams map. */
    public synchronized ObjectNode streams() {
        return streams.deepCopy();
    }

    /** A copy in file form: {@code {"streams": {...}}}. */
    public synchronized ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("streams", streams.deepCopy());
        return root;
    }
}
