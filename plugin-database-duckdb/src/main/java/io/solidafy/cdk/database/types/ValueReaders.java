package io.solidafy.cdk.database.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * The {@link ValueReader} for each {@link ValueKind}. Dates and timestamps are read as the
 * database's text first, which is ISO-8601 but for the separator in the common case, and only
 * parsed through {@code java.time} when it is not (other offsets, BC dates, infinity).
 */
public final class ValueReaders {

    private ValueReaders() {}

    /** A reader for columns of this kind; {@code mapper} parses JSON columns. */
    public static ValueReader forKind(ValueKind kind, ObjectMapper mapper) {
        return switch (kind) {
            case INTEGER -> (rows, i) -> {
                long value = rows.getLong(i);
                return rows.wasNull() ? NullNode.instance : LongNode.valueOf(value);
            };
            case BIG_INTEGER -> (rows, i) -> {
                BigDecimal value = rows.getBigDecimal(i);
                return value == null ? NullNode.instance : BigIntegerNode.valueOf(value.toBigIntegerExact());
            };
            case DECIMAL -> (rows, i) -> {
                BigDecimal value = rows.getBigDecimal(i);
                return value == null ? NullNode.instance : JsonValues.decimal(value);
            };
            case FLOAT -> (rows, i) -> {
                double value = rows.getDouble(i);
                return rows.wasNull() ? NullNode.instance : JsonValues.floating(value);
            };
            case BOOLEAN -> (rows, i) -> {
                boolean value = rows.getBoolean(i);
                return rows.wasNull() ? NullNode.instance : BooleanNode.valueOf(value);
            };
            case DATE -> ValueReaders::date;
            case TIMESTAMP -> ValueReaders::timestamp;
            case TIMESTAMPTZ -> ValueReaders::timestampTz;
            case JSON -> (rows, i) -> json(mapper, rows.getString(i));
            case ARRAY -> (rows, i) -> {
                Array value = rows.getArray(i);
                return value == null ? NullNode.instance : JsonValues.of(value);
            };
            case BINARY -> (rows, i) -> {
                byte[] value = rows.getBytes(i);
                return value == null ? NullNode.instance : JsonValues.base64(value);
            };
            case DYNAMIC -> (rows, i) -> JsonValues.of(rows.getObject(i));
            case STRING, TIME, OTHER -> ValueReaders::text;
        };
    }

    private static JsonNode text(ResultSet rows, int index) throws SQLException {
        String value = rows.getString(index);
        return value == null ? NullNode.instance : TextNode.valueOf(value);
    }

    private static JsonNode date(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        if (text == null) {
            return NullNode.instance;
        }
        if (IsoTimes.isIsoDate(text)) {
            return TextNode.valueOf(text); // the usual text is already ISO: no parsing
        }
        try {
            LocalDate value = rows.getObject(index, LocalDate.class);
            return value == null ? NullNode.instance : TextNode.valueOf(value.toString());
        } catch (SQLException | RuntimeException e) {
            return text(rows, index); // values Java cannot hold (MySQL zero dates, infinity): the database's text
        }
    }

    private static JsonNode timestamp(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        if (text == null) {
            return NullNode.instance;
        }
        String iso = IsoTimes.fromSqlLocal(text);
        if (iso != null) {
            return TextNode.valueOf(iso);
        }
        try {
            LocalDateTime value = rows.getObject(index, LocalDateTime.class);
            return value == null ? NullNode.instance : TextNode.valueOf(JsonValues.localDateTime(value));
        } catch (SQLException | RuntimeException e) {
            return text(rows, index);
        }
    }

    private static JsonNode timestampTz(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        if (text == null) {
            return NullNode.instance;
        }
        String iso = IsoTimes.fromSqlUtc(text);
        if (iso != null) {
            return TextNode.valueOf(iso); // a UTC session's text needs no parsing
        }
        try {
            OffsetDateTime value = rows.getObject(index, OffsetDateTime.class);
            return value == null ? NullNode.instance : TextNode.valueOf(JsonValues.instant(value.toInstant()));
        } catch (SQLException | RuntimeException e) {
            return text(rows, index);
        }
    }

    private static JsonNode json(ObjectMapper mapper, String text) throws SQLException {
        if (text == null) {
            return NullNode.instance;
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text); // not JSON after all (e.g. a MariaDB LONGTEXT): keep the text
        }
    }
}
