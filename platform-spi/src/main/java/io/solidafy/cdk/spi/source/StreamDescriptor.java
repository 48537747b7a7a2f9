package io.solidafy.cdk.spi.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One stream of a source: its name, keys and (for {@code discover}) its JSON schema.
 *
 * @param name            stream name, unique within the source
 * @param jsonSchema      JSON schema of a record; empty when unknown
 * @param cursorField     path of the field whose maximum becomes the stream's state cursor
 *                        (e.g. {@code ["updated_at"]}); empty for full-refresh-only streams
 * @param primaryKey      list of field paths forming the primary key; empty when none
 * @param cursorOrdered   the source emits records in ascending cursor order. The runtime then may
 *                        save the cursor of a stream cut short by {@code --max-records}; for other
 *                        streams it keeps the previous cursor so no unread record is skipped
 */
public record StreamDescriptor(
        String name,
        Optional<ObjectNode> jsonSchema,
        List<String> cursorField,
        List<List<String>> primaryKey,
        boolean cursorOrdered) {

    public StreamDescriptor {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("stream name must not be blank");
        }
        jsonSchema = jsonSchema == null ? Optional.empty() : jsonSchema;
        cursorField = cursorField == null ? List.of() : List.copyOf(cursorField);
        primaryKey = primaryKey == null ? List.of() : primaryKey.stream().map(List::copyOf).toList();
    }

    /** A stream known by name only: no schema, no cursor, no key. */
    public static StreamDescriptor named(String name) {
        return new StreamDescriptor(name, Optional.empty(), List.of(), List.of(), false);
    }

    /** True when the stream can be read incrementally (it has a cursor field). */
    public boolean incremental() {
        return !cursorField.isEmpty();
    }

    /** The same stream with a schema. */
    public StreamDescriptor withSchema(ObjectNode schema) {
        return new StreamDescriptor(name, Optional.ofNullable(schema), cursorField, primaryKey, cursorOrdered);
    }
}
