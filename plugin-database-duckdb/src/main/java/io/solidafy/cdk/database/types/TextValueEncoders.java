package io.solidafy.cdk.database.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.postgresql.jdbc.TimestampUtils;

/**
 * The {@link TextValueEncoder} for each {@link ValueKind} whose JSON can be written from the
 * server's text alone, giving the bytes the cursor path writes for the same value ({@link
 * ValueEncoders} over PgJDBC, with the same session settings: UTC, ISO dates). Integers, numerics,
 * dates and timestamps are mostly the text itself; floats are parsed and formatted as Java does
 * (PostgreSQL writes {@code 1e+20} where Java writes {@code 1.0E20}, and a {@code real} is read as
 * a float widened to double), except short plain doubles, whose text already is Java's; dates and
 * timestamps of unusual shape go through PgJDBC's own parser ({@link TimestampUtils}), as its
 * {@code getObject} does.
 */
public final class TextValueEncoders {

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] POINT_ZERO = ".0".getBytes(StandardCharsets.US_ASCII);
    /**
     * Types PgJDBC receives in binary and whose {@code getString} differs from the server's text
     * (time of day, geometry): these columns stay on the cursor path.
     */
    private static final Set<String> BINARY_TEXT_DIFFERS = Set.of("time", "timetz", "point", "box");

    private TextValueEncoders() {}

    /**
     * An encoder for {@code column}'s values, or empty when its kind has none (JSON, arrays,
     * binary, big integers, times of day, geometry), in which case the table is read through a cursor.
     *
     * @param times the connection's timestamp parser, for the values of unusual shape
     */
    public static Optional<TextValueEncoder> forColumn(ColumnInfo column, ValueKind kind, TimestampUtils times) {
        String type = column.typeName().toLowerCase(Locale.ROOT);
        TextValueEncoder encoder = switch (kind) {
            case INTEGER -> TextValueEncoders::integer;
            case DECIMAL -> TextValueEncoders::decimal;
            case FLOAT -> type.equals("float4") || type.equals("real") ? TextValueEncoders::real : TextValueEncoders::doublePrecision;
            case BOOLEAN -> (text, from, to, out) -> {
                out.write(text[from] == 't' ? TRUE : FALSE);
                return null;
            };
            case STRING -> TextValueEncoders::text;
            case OTHER -> BINARY_TEXT_DIFFERS.contains(type) ? null : TextValueEncoders::text;
            case DATE -> (text, from, to, out) -> IsoTimes.quoteIsoDate(text, from, to, out) ? null
                    : parsedTime(text, from, to, value -> times.toLocalDate(value).toString());
            case TIMESTAMP -> (text, from, to, out) -> IsoTimes.quoteSqlLocal(text, from, to, out) ? null
                    : parsedTime(text, from, to, value -> JsonValues.localDateTime(times.toLocalDateTime(utf8(value))));
            case TIMESTAMPTZ -> (text, from, to, out) -> IsoTimes.quoteSqlUtc(text, from, to, out) ? null
                    : parsedTime(text, from, to, value -> JsonValues.instant(times.toOffsetDateTime(value).toInstant()));
            case TIME, BIG_INTEGER, JSON, ARRAY, BINARY, DYNAMIC -> null;
        };
        return Optional.ofNullable(encoder);
    }

    private static JsonNode integer(byte[] text, int from, int to, JsonBuffer out) {
        if (isInteger(text, from, to)) {
            out.write(text, from, to); // the server's text of an integer is Long.toString's
        } else {
            out.number(Long.parseLong(ascii(text, from, to)));
        }
        return null;
    }

    private static JsonNode decimal(byte[] text, int from, int to, JsonBuffer out) throws SQLException {
        if (ValueEncoders.isPlainDecimal(text, from, to)) {
            out.write(text, from, to);
            return null;
        }
        String value = ascii(text, from, to);
        try {
            return JsonValues.decimal(new BigDecimal(value));
        } catch (NumberFormatException e) {
            throw new SQLException("Bad value for type BigDecimal : " + value); // NaN, infinity: as PgJDBC's getBigDecimal
        }
    }

    private static JsonNode doublePrecision(byte[] text, int from, int to, JsonBuffer out) {
        if (!writeShortDouble(text, from, to, out)) {
            writeDouble(Double.parseDouble(ascii(text, from, to)), out);
        }
        return null;
    }

    /**
     * Writes {@link Double#toString} of the double whose text is {@code text[from, to)} without
     * parsing it, when that text is plain ({@code 250.25}, {@code -3}) with at most 15 significant
     * digits and a value from 0.001 to below 10^7 (or zero). Such a decimal is the shortest that
     * reads as its double (15 digits always survive a round trip), and within that range Java writes
     * the shortest digits plainly, with at least one fraction digit: the text itself, trailing
     * zeros dropped or {@code .0} added. Returns false, with nothing written, for any other text.
     */
    static boolean writeShortDouble(byte[] text, int from, int to, JsonBuffer out) {
        int i = to > from && text[from] == '-' ? from + 1 : from;
        int integerStart = i;
        while (i < to && ValueEncoders.isDigit(text[i])) {
            i++;
        }
        int integerDigits = i - integerStart;
        if (integerDigits == 0 || integerDigits > 7 || (integerDigits > 1 && text[integerStart] == '0')) {
            return false;
        }
        int end = to;
        int significant = text[integerStart] == '0' ? 0 : integerDigits;
        if (i < to) {
            if (text[i] != '.' || i + 1 == to) {
                return false;
            }
            int leadingZeros = 0;
            for (int k = i + 1; k < to; k++) {
                if (!ValueEncoders.isDigit(text[k])) {
                    return false;
                }
                if (significant == 0 && text[k] == '0') {
                    leadingZeros++;
                } else {
                    significant++;
                }
            }
            while (end > i + 2 && text[end - 1] == '0') {
                end--; // 1.50 is written 1.5, 1.0 stays
            }
            if (significant > 0 && integerDigits == 1 && text[integerStart] == '0' && leadingZeros > 2) {
                return false; // below 0.001: Java writes an exponent
            }
        }
        if (significant > 15) {
            return false;
        }
        out.write(text, from, end);
        if (end == to && i == to) {
            out.write(POINT_ZERO);
        }
        return true;
    }


    private static JsonNode real(byte[] text, int from, int to, JsonBuffer out) {
        writeDouble(Float.parseFloat(ascii(text, from, to)), out); // as getDouble of a real: the float, widened
        return null;
    }

    private static void writeDouble(double value, JsonBuffer out) {
        if (Double.isFinite(value)) {
            out.ascii(Double.toString(value));
        } else {
            out.quote(Double.toString(value));
        }
    }

    private static JsonNode text(byte[] text, int from, int to, JsonBuffer out) {
        if (!out.quoteUtf8(text, from, to)) {
            out.quote(new String(text, from, to - from, StandardCharsets.UTF_8));
        }
        return null;
    }

    /** PgJDBC's reading of a date or timestamp's text, as the text of the JSON string the readers give. */
    @FunctionalInterface
    private interface TimeParser {
        String iso(byte[] text) throws SQLException;
    }

    /**
     * A date or timestamp of unusual shape (BC, infinity, a year past 9999): as PgJDBC's {@code
     * getObject} reads it, or, when it cannot, the text as the server wrote it.
     */
    private static JsonNode parsedTime(byte[] text, int from, int to, TimeParser parser) {
        byte[] value = Arrays.copyOfRange(text, from, to);
        try {
            return TextNode.valueOf(parser.iso(value));
        } catch (SQLException | RuntimeException e) {
            return TextNode.valueOf(utf8(value));
        }
    }

    private static String utf8(byte[] text) {
        return new String(text, StandardCharsets.UTF_8);
    }

    /** An optional minus and 1 to 18 digits without a leading zero: Long.toString's form, in range. */
    private static boolean isInteger(byte[] text, int from, int to) {
        int start = to > from && text[from] == '-' ? from + 1 : from;
        int digits = to - start;
        if (digits < 1 || digits > 18 || (digits > 1 && text[start] == '0') || (digits == 1 && text[start] == '0' && start > from)) {
            return false;
        }
        for (int i = start; i < to; i++) {
            if (text[i] < '0' || text[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] text, int from, int to) {
        return new String(text, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
