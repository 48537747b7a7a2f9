package io.solidafy.cdk.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A path of object keys into a record ({@code ["customer", "updated_at"]}), the one way the runtime
 * (cursor maximum) and sources (incremental filters) find a cursor value. Immutable.
 *
 * @param keys the keys from the record's root, never empty for a usable path
 */
public record FieldPath(List<String> keys) {

    public FieldPath {
        keys = List.copyOf(keys);
    }

    /** A dotted path, {@code $.} prefix allowed: {@code $.customer.updated_at}. */
    public static FieldPath parse(String dotted) {
        String plain = dotted.startsWith("$.") ? dotted.substring(2) : dotted;
        return new FieldPath(plain.isEmpty() ? List.of() : Arrays.asList(plain.split("\\.")));
    }

    /** The value at this path; empty when a key is missing, the value is JSON null, or the path is empty. */
    public Optional<JsonNode> select(JsonNode record) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        JsonNode value = record;
        for (String key : keys) {
            value = value == null ? null : value.get(key);
        }
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }
}
