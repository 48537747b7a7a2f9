package io.solidafy.cdk.database.types;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row as JSON; chosen once per column, called for every row. */
@FunctionalInterface
public interface ValueReader {

    /** The value at {@code index} (1-based), {@code NullNode} for SQL NULL. */
    JsonNode read(ResultSet rows, int index) throws SQLException;
}
