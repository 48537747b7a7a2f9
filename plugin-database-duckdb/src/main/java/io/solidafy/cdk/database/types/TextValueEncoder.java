package io.solidafy.cdk.database.types;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;

/**
 * Writes one column's value from its PostgreSQL text form (as {@code COPY ... TO STDOUT} sends it,
 * escapes already undone) as the JSON bytes its {@link ValueEncoder} writes for the same value read
 * through PgJDBC; chosen once per column, called for every non-null value.
 */
@FunctionalInterface
public interface TextValueEncoder {

    /**
     * Writes the value whose UTF-8 text is {@code text[from, to)} to {@code out} and returns null,
     * or, for a value of unusual shape, writes nothing and returns the node the column's reader
     * would have given, for the caller to write.
     */
    JsonNode encode(byte[] text, int from, int to, JsonBuffer out) throws SQLException;
}
