package io.solidafy.cdk.database.types;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.spi.ConnectorException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds a saved cursor (as the previous run emitted it) to the {@code cursor >= ?} parameter.
 *
 * <p>Numbers are bound as numbers: an exact decimal when the state kept one, and for a cursor that
 * came back as a binary double (a plain JSON parser reads {@code 12.345678901234567890} that way)
 * the next double below it, so the comparison can only re-read a row, never skip one. Everything
 * else (dates, timestamps, text, uuids) is bound as its ISO/text form, which each engine casts to
 * the column's type: PgJDBC sends strings untyped ({@code stringtype=unspecified}), MySQL, SQLite
 * and DuckDB convert the string in the comparison.
 */
public final class CursorBinder {

    private CursorBinder() {}

    public static void bind(PreparedStatement statement, int index, ColumnInfo column, JsonNode cursor) throws SQLException {
        if (column.kind().numeric() || (column.kind() == ValueKind.DYNAMIC && cursor.isNumber())) {
            bindNumber(statement, index, column, cursor);
        } else if (cursor.isValueNode()) {
            statement.setString(index, cursor.asText());
        } else {
            throw badCursor(column, cursor);
        }
    }

    private static void bindNumber(PreparedStatement statement, int index, ColumnInfo column, JsonNode cursor) throws SQLException {
        BigDecimal value;
        if (cursor.isIntegralNumber()) {
            if (cursor.canConvertToLong()) {
                statement.setLong(index, cursor.longValue());
                return;
            }
            value = new BigDecimal(cursor.bigIntegerValue());
        } else if (cursor.isDouble() || cursor.isFloat()) {
            double number = cursor.doubleValue();
            if (column.kind() == ValueKind.FLOAT || column.kind() == ValueKind.DYNAMIC) {
                statement.setDouble(index, number); // a double round-trips exactly through JSON
                return;
            }
            value = new BigDecimal(Math.nextDown(number));
        } else if (cursor.isBigDecimal()) {
            value = cursor.decimalValue();
        } else if (cursor.isTextual()) {
            try {
                value = new BigDecimal(cursor.textValue().trim());
            } catch (NumberFormatException e) {
                throw badCursor(column, cursor);
            }
        } else {
            throw badCursor(column, cursor);
        }
        statement.setBigDecimal(index, value);
    }

    private static ConnectorException badCursor(ColumnInfo column, JsonNode cursor) {
        return new ConnectorException("The saved cursor " + cursor + " is not a value of cursor column '" + column.name()
                + "' (" + column.typeName() + "); fix or remove the stream's state.");
    }
}
