package io.solidafy.cdk.declarative.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Record helpers shared by the decoders. */
final class Records {

    private Records() {}

    /** A record is an object; anything else is wrapped as {@code {"value": x}}. */
    static ObjectNode asRecord(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        wrapped.set("value", node);
        return wrapped;
    }
}
