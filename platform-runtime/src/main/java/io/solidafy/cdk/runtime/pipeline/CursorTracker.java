package io.solidafy.cdk.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.spi.CursorOrder;
import io.solidafy.cdk.spi.FieldPath;
import java.util.List;
import java.util.Optional;

/** The maximum of one field over every record of a stream. Not thread-safe (one per stream). */
final class CursorTracker {

    private final FieldPath path;
    private JsonNode max;

    CursorTracker(List<String> path) {
        this.path = new FieldPath(path);
    }

    void observe(JsonNode record) {
        JsonNode value = path.select(record).orElse(null);
        if (value == null || value.isContainerNode()) {
            return;
        }
        if (max == null || CursorOrder.INSTANCE.compare(value, max) > 0) {
            max = value;
        }
    }

    Optional<JsonNode> max() {
        return Optional.ofNullable(max);
    }

    /** The later of two cursor values, either of which may be absent. */
    static Optional<JsonNode> later(Optional<JsonNode> a, Optional<JsonNode> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return CursorOrder.INSTANCE.compare(b.get(), a.get()) > 0 ? b : a;
    }
}
