package io.solidafy.cdk.database.types;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.BiPredicate;

/**
 * Text columns are read as the bytes the server sent (UTF-8, the connection's character set), as
 * PgJDBC's are, saving a decode to a String and an encode back. Dates and timestamps are selected as
 * their text ({@code CAST(x AS CHAR)}, see {@code JdbcCatalog}) and written from its bytes as the
 * readers write it from {@code getString}; Connector/J would parse each one through its codecs (and
 * its {@code getString} of a DATETIME column parses and formats again). A date or timestamp column
 * selected as itself is read as a {@code java.time} value, giving the same ISO text: the stored date
 * and time, with the fraction trimmed of its zeros. Values of other shape, values {@code java.time}
 * cannot hold (zero dates, which the driver reads as null) and NULL go to the reader.
 */
final class MariaDbEncoders {

    private MariaDbEncoders() {}

    /** @param selectedAsText whether the column was selected as its text (a date or timestamp cast to CHAR) */
    static ValueEncoder forKind(ValueKind kind, boolean selectedAsText, ValueReader fallback) {
        return switch (kind) {
            case DATE -> selectedAsText ? ValueEncoders.serverText(IsoTimes::quoteIsoDate, fallback)
                    // NULL, a zero date the driver reads as null and a year past 9999 go to the reader
                    : javaTime(LocalDate.class, IsoTimes::quoteDate, fallback);
            case TIMESTAMP -> selectedAsText ? ValueEncoders.serverText(IsoTimes::quoteSqlLocal, fallback)
                    : javaTime(LocalDateTime.class, IsoTimes::quoteLocalDateTime, fallback);
            case STRING -> (rows, i, out) -> {
                byte[] text;
                try {
                    text = rows.getBytes(i); // the text in the connection's character set, utf8mb4
                } catch (SQLException e) {
                    return fallback.read(rows, i); // a type the driver hands out as text only
                }
                if (text == null) {
                    out.write(ValueEncoders.NULL);
                    return null;
                }
                return out.quoteUtf8(text, 0, text.length) ? null : fallback.read(rows, i);
            };
            case DECIMAL -> (rows, i, out) -> {
                String text = rows.getString(i); // the server's text
                if (text == null) {
                    out.write(ValueEncoders.NULL);
                    return null;
                }
                byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
                if (ValueEncoders.isPlainDecimal(ascii)) {
                    out.write(ascii);
                    return null;
                }
                return fallback.read(rows, i);
            };
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    /**
     * A column read as a {@code java.time} value, which {@code quote} writes when it can; a value the
     * driver cannot convert, or one {@code quote} declines, goes to the reader.
     */
    private static <T> ValueEncoder javaTime(Class<T> type, BiPredicate<T, JsonBuffer> quote, ValueReader fallback) {
        return (rows, i, out) -> {
            T value;
            try {
                value = rows.getObject(i, type);
            } catch (SQLException | RuntimeException e) {
                return fallback.read(rows, i);
            }
            return value != null && quote.test(value, out) ? null : fallback.read(rows, i);
        };
    }

    /**
     * A DOUBLE column: Connector/J's {@code getString} is the server's text as it came, and a short
     * plain one is written as it stands, being what {@code Double.toString} of its {@code getDouble}
     * gives ({@link TextValueEncoders#writeShortDouble}); any other text goes to {@code parsed}.
     */
    static ValueEncoder doubleText(ValueEncoder parsed) {
        return (rows, i, out) -> {
            String text = rows.getString(i);
            if (text == null) {
                out.write(ValueEncoders.NULL);
                return null;
            }
            byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
            return TextValueEncoders.writeShortDouble(ascii, 0, ascii.length, out) ? null : parsed.encode(rows, i, out);
        };
    }
}
