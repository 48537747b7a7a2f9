package io.solidafy.cdk.database.types;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes one column of the current row as JSON bytes, straight from the driver's value; chosen
 * once per column, called for every row. The bytes are those Jackson writes for the node the
 * column's {@link ValueReader} returns.
 */
@FunctionalInterface
public interface ValueEncoder {

    /**
     * Writes the value at {@code index} (1-based) to {@code out} and returns null, or, for a value
     * it has no direct encoding for, writes nothing and returns its node (from the column's
     * {@link ValueReader}) for the caller to write.
     */
    JsonNode encode(ResultSet rows, int index, JsonBuffer out) throws SQLException;
}
