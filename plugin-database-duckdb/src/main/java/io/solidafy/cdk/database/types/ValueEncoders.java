package io.solidafy.cdk.database.types;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The {@link ValueEncoder} for each {@link ValueKind}. Each writes the bytes Jackson would write for
 * the node {@link ValueReaders} returns, from the same driver calls, without building the node;
 * values of unusual shape (BC dates, infinity, other offsets, malformed text) and the kinds without
 * an encoding of their own (JSON, arrays, binary, big integers, SQLite's dynamic values) are left
 * to the reader.
 *
 * <p>How a column is best read depends on the driver ({@link Access}): PgJDBC hands out the
 * server's UTF-8 text of a text-format column from {@code getBytes} without decoding or copying it
 * (numerics whose text is already the JSON number, dates and timestamps rewritten at byte level,
 * text escaped byte by byte); MariaDB Connector/J parses dates and timestamps through its codecs, so
 * those are selected as their text and read as its bytes, decimals as their text and text as its
 * bytes ({@link MariaDbEncoders}).
 */
public final class ValueEncoders {

    /** JSON's null, as every encoder writes it. */
    public static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private ValueEncoders() {}

    /** How a column's values are best read from its driver. */
    public enum Access {
        /** PgJDBC, a column in text format: {@code getBytes} is the server's text. */
        SERVER_TEXT,
        /** MariaDB Connector/J. */
        MARIADB,
        /** Any other driver, or PgJDBC's binary format: the getters the readers use. */
        GENERIC
    }

    /**
     * An encoder for columns of this kind.
     *
     * @param access   how the driver hands out this column's values
     * @param typeName the column's type as the driver reports it
     * @param fallback the column's reader, for the values the encoder leaves to it
     */
    public static ValueEncoder forKind(ValueKind kind, Access access, String typeName, ValueReader fallback) {
        if (access == Access.MARIADB && (kind == ValueKind.DATE || kind == ValueKind.TIMESTAMP || kind == ValueKind.DECIMAL
                || kind == ValueKind.STRING)) {
            return MariaDbEncoders.forKind(kind, isText(typeName), fallback);
        }
        ValueEncoder encoder = forKind(kind, access == Access.SERVER_TEXT, fallback);
        if (access == Access.MARIADB && kind == ValueKind.FLOAT && typeName.toUpperCase(Locale.ROOT).startsWith("DOUBLE")) {
            return MariaDbEncoders.doubleText(encoder); // not a FLOAT (REAL) column, which is read as a float widened
        }
        return encoder;
    }

    private static ValueEncoder forKind(ValueKind kind, boolean rawText, ValueReader fallback) {
        return switch (kind) {
            case INTEGER -> (rows, i, out) -> {
                long value = rows.getLong(i);
                if (rows.wasNull()) {
                    out.write(NULL);
                } else {
                    out.number(value);
                }
                return null;
            };
            case FLOAT -> (rows, i, out) -> {
                double value = rows.getDouble(i);
                if (rows.wasNull()) {
                    out.write(NULL);
                } else if (Double.isFinite(value)) {
                    out.ascii(Double.toString(value));
                } else {
                    out.quote(Double.toString(value)); // JSON has no NaN: a string, as the reader gives
                }
                return null;
            };
            case BOOLEAN -> (rows, i, out) -> {
                boolean value = rows.getBoolean(i);
                out.write(rows.wasNull() ? NULL : value ? TRUE : FALSE);
                return null;
            };
            case DECIMAL -> rawText ? serverText(ValueEncoders::writePlainDecimal, fallback) : (rows, i, out) -> {
                BigDecimal value = rows.getBigDecimal(i);
                if (value == null) {
                    out.write(NULL);
                } else {
                    out.ascii((value.scale() < 0 ? value.setScale(0) : value).toString()); // as JsonValues.decimal
                }
                return null;
            };
            case DATE -> rawText ? serverText(IsoTimes::quoteIsoDate, fallback) : (rows, i, out) -> {
                String text = rows.getString(i);
                if (text == null) {
                    out.write(NULL);
                    return null;
                }
                if (IsoTimes.isIsoDate(text)) {
                    out.quote(text);
                    return null;
                }
                return fallback.read(rows, i);
            };
            case TIMESTAMP -> rawText ? serverText(IsoTimes::quoteSqlLocal, fallback) : (rows, i, out) -> {
                String text = rows.getString(i);
                String iso = text == null ? null : IsoTimes.fromSqlLocal(text);
                return quoted(text, iso, out) ? null : fallback.read(rows, i);
            };
            case TIMESTAMPTZ -> rawText ? serverText(IsoTimes::quoteSqlUtc, fallback) : (rows, i, out) -> {
                String text = rows.getString(i);
                String iso = text == null ? null : IsoTimes.fromSqlUtc(text);
                return quoted(text, iso, out) ? null : fallback.read(rows, i);
            };
            case STRING -> rawText ? serverText((text, out) -> out.quoteUtf8(text, 0, text.length), fallback) : ValueEncoders::text;
            case TIME, OTHER -> ValueEncoders::text;
            case BIG_INTEGER, JSON, ARRAY, BINARY, DYNAMIC -> (rows, i, out) -> fallback.read(rows, i);
        };
    }

    /** As the reader: the driver's text, or null. */
    private static JsonNode text(ResultSet rows, int index, JsonBuffer out) throws SQLException {
        String text = rows.getString(index);
        if (text == null) {
            out.write(NULL);
        } else {
            out.quote(text);
        }
        return null;
    }

    /** Writes null for a null {@code text}, else {@code iso} quoted; false when {@code iso} is missing. */
    private static boolean quoted(String text, String iso, JsonBuffer out) {
        if (text == null) {
            out.write(NULL);
            return true;
        }
        if (iso == null) {
            return false;
        }
        out.quote(iso);
        return true;
    }

    /** Writes the server's text of a value when it can; false, with nothing written, when not. */
    @FunctionalInterface
    interface TextWriter {
        boolean write(byte[] text, JsonBuffer out);
    }

    /** Whether the driver reports this type for a text column ({@code VARCHAR}, {@code CHAR}, ...). */
    private static boolean isText(String typeName) {
        String type = typeName.toUpperCase(Locale.ROOT);
        return type.contains("CHAR") || type.contains("TEXT");
    }

    /**
     * A column whose bytes are the server's text (PgJDBC's text format, a MariaDB value selected as
     * text): NULL as null, a text {@code writer} takes as it is, anything else through the column's reader.
     */
    static ValueEncoder serverText(TextWriter writer, ValueReader fallback) {
        return (rows, i, out) -> {
            byte[] text = rows.getBytes(i);
            if (text == null) {
                out.write(NULL);
                return null;
            }
            return writer.write(text, out) ? null : fallback.read(rows, i);
        };
    }

    private static boolean writePlainDecimal(byte[] text, JsonBuffer out) {
        if (!isPlainDecimal(text)) {
            return false;
        }
        out.write(text);
        return true;
    }

    /**
     * True when {@code text} ({@code -12.50}) reads as a {@link BigDecimal} whose {@code toString}
     * is that same text: plain digits with an optional sign and fraction, no leading zeros, and
     * not one of the values {@code toString} writes otherwise (a negative zero loses its sign; a
     * value below 10^-6, or a zero with more than six decimals, gets an exponent: {@code 1E-7}).
     */
    static boolean isPlainDecimal(byte[] text) {
        return isPlainDecimal(text, 0, text.length);
    }

    /** {@link #isPlainDecimal(byte[])} of {@code text[from, to)}. */
    public static boolean isPlainDecimal(byte[] text, int from, int to) {
        int i = to > from && text[from] == '-' ? from + 1 : from;
        int integerStart = i;
        while (i < to && isDigit(text[i])) {
            i++;
        }
        int integerDigits = i - integerStart;
        if (integerDigits == 0 || (integerDigits > 1 && text[integerStart] == '0')) {
            return false;
        }
        int fractionStart = i + 1;
        if (i < to) {
            if (text[i] != '.' || fractionStart == to) {
                return false;
            }
            for (i = fractionStart; i < to; i++) {
                if (!isDigit(text[i])) {
                    return false;
                }
            }
        } else {
            fractionStart = to;
        }
        if (integerDigits > 1 || text[integerStart] != '0') {
            return true;
        }
        int zeros = 0;
        while (fractionStart + zeros < to && text[fractionStart + zeros] == '0') {
            zeros++;
        }
        boolean zero = fractionStart + zeros == to;
        return zero ? integerStart == from && zeros <= 6 : zeros <= 5;
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
