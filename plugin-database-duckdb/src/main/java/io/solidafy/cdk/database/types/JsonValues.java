package io.solidafy.cdk.database.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * Java values from a JDBC driver (array elements, SQLite's dynamically typed values) to JSON, and
 * the canonical text forms of dates and times used by every reader.
 */
public final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {}

    /** {@code 2024-12-15T10:30:00} with the fraction only when non-zero. */
    public static String localDateTime(LocalDateTime value) {
        return IsoTimes.localDateTime(value);
    }

    /** {@code 2024-12-15T10:30:00.123456Z}: always UTC so cursors compare as text. */
    public static String instant(Instant value) {
        return IsoTimes.instant(value);
    }

    /** An exact decimal as a JSON number, never in exponent notation for negative scales. */
    public static JsonNode decimal(BigDecimal value) {
        return DecimalNode.valueOf(value.scale() < 0 ? value.setScale(0) : value);
    }

    /** A double as a JSON number; NaN and the infinities, which JSON lacks, as strings. */
    public static JsonNode floating(double value) {
        return Double.isFinite(value) ? DoubleNode.valueOf(value) : TextNode.valueOf(Double.toString(value));
    }

    public static TextNode base64(byte[] bytes) {
        return TextNode.valueOf(Base64.getEncoder().encodeToString(bytes));
    }

    /** Any value a driver hands out, by its Java class. */
    public static JsonNode of(Object value) throws SQLException {
        if (value == null) {
            return NullNode.instance;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return LongNode.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return BigIntegerNode.valueOf(big);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal(decimal);
        }
        if (value instanceof Double || value instanceof Float) {
            return floating(((Number) value).doubleValue());
        }
        if (value instanceof Boolean bool) {
            return BooleanNode.valueOf(bool);
        }
        if (value instanceof String text) {
            return TextNode.valueOf(text);
        }
        if (value instanceof byte[] bytes) {
            return base64(bytes);
        }
        if (value instanceof Timestamp timestamp) {
            return TextNode.valueOf(localDateTime(timestamp.toLocalDateTime()));
        }
        if (value instanceof java.sql.Date date) {
            return TextNode.valueOf(date.toLocalDate().toString());
        }
        if (value instanceof LocalDateTime dateTime) {
            return TextNode.valueOf(localDateTime(dateTime));
        }
        if (value instanceof LocalDate date) {
            return TextNode.valueOf(date.toString());
        }
        if (value instanceof OffsetDateTime dateTime) {
            return TextNode.valueOf(instant(dateTime.toInstant()));
        }
        if (value instanceof ZonedDateTime dateTime) {
            return TextNode.valueOf(instant(dateTime.toInstant()));
        }
        if (value instanceof Instant instant) {
            return TextNode.valueOf(instant(instant));
        }
        if (value instanceof Array array) {
            return array(array.getArray());
        }
        if (value instanceof Object[] items) {
            return array(items);
        }
        if (value instanceof Collection<?> items) {
            return array(items.toArray());
        }
        if (value instanceof Map<?, ?> map) {
            var object = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                object.set(String.valueOf(entry.getKey()), of(entry.getValue()));
            }
            return object;
        }
        if (value instanceof Blob blob) {
            return base64(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof Clob clob) {
            return TextNode.valueOf(clob.getSubString(1, (int) clob.length()));
        }
        if (value.getClass().isArray()) {
            int length = java.lang.reflect.Array.getLength(value);
            Object[] items = new Object[length];
            for (int i = 0; i < length; i++) {
                items[i] = java.lang.reflect.Array.get(value, i);
            }
            return array(items);
        }
        return TextNode.valueOf(value.toString());
    }

    private static ArrayNode array(Object elements) throws SQLException {
        ArrayNode array = NODES.arrayNode();
        if (elements instanceof Object[] items) {
            for (Object item : items) {
                array.add(of(item));
            }
            return array;
        }
        return (ArrayNode) of(elements);
    }
}
