package io.solidafy.cdk.spi.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the runtime asks {@link Source#read} for: one stream, from a state, up to a limit.
 *
 * @param stream     the stream to read, as returned by {@link Source#streams()}
 * @param state      the stream's saved state from the previous run ({@code {"cursor": ...,
 *                   "partitions": {...}}}); an empty object on a first run
 * @param maxRecords the most records the runtime will accept for this stream; the runtime enforces
 *                   it exactly, a source may use it to ask for smaller pages
 */
public record StreamReadRequest(StreamDescriptor stream, ObjectNode state, OptionalLong maxRecords) {

    public StreamReadRequest {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(state, "state");
        maxRecords = maxRecords == null ? OptionalLong.empty() : maxRecords;
    }

    /** The saved cursor ({@code state.cursor}), absent on a first run. */
    public Optional<JsonNode> cursor() {
        JsonNode cursor = state.get("cursor");
        return cursor == null || cursor.isNull() ? Optional.empty() : Optional.of(cursor);
    }
}
