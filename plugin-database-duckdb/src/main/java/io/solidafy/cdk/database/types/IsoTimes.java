package io.solidafy.cdk.database.types;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 text of timestamps, written by hand because {@link DateTimeFormatter} dominated the cost
 * of reading timestamp columns. Seconds are always present, the fraction only when non-zero and
 * without trailing zeros (as {@code ISO_LOCAL_DATE_TIME} writes it; {@code ISO_INSTANT} would pad
 * to 3, 6 or 9 digits), instants in UTC with {@code Z}.
 */
public final class IsoTimes {

    private IsoTimes() {}

    /** {@code 2024-12-15T10:30:00.5}. */
    public static String localDateTime(LocalDateTime value) {
        int year = value.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value);
        }
        char[] text = new char[29];
        int end = write(text, year, value.getMonthValue(), value.getDayOfMonth(), value.getHour(), value.getMinute(),
                value.getSecond(), value.getNano());
        return new String(text, 0, end);
    }

    /** {@code 2024-12-15T10:30:00.5Z}, in UTC. */
    public static String instant(Instant value) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(value);
        }
        char[] text = new char[30];
        int end = write(text, year, utc.getMonthValue(), utc.getDayOfMonth(), utc.getHour(), utc.getMinute(), utc.getSecond(),
                utc.getNano());
        text[end] = 'Z';
        return new String(text, 0, end + 1);
    }

    /**
     * A database's text of a zone-less timestamp ({@code 2024-12-15 10:30:00.500}) in ISO form
     * ({@code 2024-12-15T10:30:00.5}), or null when the text has another shape (BC dates,
     * infinity, years past 9999), which the caller then reads through {@code java.time}.
     */
    public static String fromSqlLocal(String text) {
        int end = localEnd(text);
        return end == text.length() ? iso(text, end) : null;
    }

    /**
     * A database's text of a timestamp with a zero UTC offset ({@code 2024-12-15 10:30:00+00}) as
     * an ISO instant ({@code 2024-12-15T10:30:00Z}), or null for any other offset or shape.
     */
    public static String fromSqlUtc(String text) {
        int end = localEnd(text);
        if (end < 0) {
            return null;
        }
        String offset = text.substring(end);
        if (!offset.equals("+00") && !offset.equals("+00:00") && !offset.equals("Z") && !offset.equals("+00:00:00")) {
            return null;
        }
        return iso(text, end) + "Z";
    }

    /** True for {@code yyyy-MM-dd}, the ISO form itself. */
    public static boolean isIsoDate(String text) {
        return text.length() == 10 && digits(text, 0, 4) && text.charAt(4) == '-' && digits(text, 5, 2) && text.charAt(7) == '-'
                && digits(text, 8, 2);
    }

    /**
     * Writes {@code value.toString()} as a JSON string, for years 0 to 9999 (false, with nothing
     * written, for others).
     */
    public static boolean quoteDate(LocalDate value, JsonBuffer out) {
        int year = value.getYear();
        if (year < 0 || year > 9999) {
            return false;
        }
        out.write((byte) '"');
        date(year, value.getMonthValue(), value.getDayOfMonth(), out);
        out.write((byte) '"');
        return true;
    }

    /**
     * Writes {@link #localDateTime} of {@code value} as a JSON string, for years 0 to 9999 (false,
     * with nothing written, for others).
     */
    public static boolean quoteLocalDateTime(LocalDateTime value, JsonBuffer out) {
        int year = value.getYear();
        if (year < 0 || year > 9999) {
            return false;
        }
        out.write((byte) '"');
        date(year, value.getMonthValue(), value.getDayOfMonth(), out);
        out.write((byte) 'T');
        out.digits(value.getHour(), 2);
        out.write((byte) ':');
        out.digits(value.getMinute(), 2);
        out.write((byte) ':');
        out.digits(value.getSecond(), 2);
        out.fraction(value.getNano());
        out.write((byte) '"');
        return true;
    }

    private static void date(int year, int month, int day, JsonBuffer out) {
        out.digits(year, 4);
        out.write((byte) '-');
        out.digits(month, 2);
        out.write((byte) '-');
        out.digits(day, 2);
    }

    /** {@link #isIsoDate(String)} for the ASCII bytes {@code text[from, to)} of a database's text. */
    public static boolean isIsoDate(byte[] text, int from, int to) {
        return to - from == 10 && isoDatePrefix(text, from, to);
    }

    /**
     * Writes {@code text[from, to)} as a JSON string when it is an ISO date; false, with nothing
     * written, when not.
     */
    public static boolean quoteIsoDate(byte[] text, int from, int to, JsonBuffer out) {
        if (!isIsoDate(text, from, to)) {
            return false;
        }
        out.write((byte) '"');
        out.write(text, from, to);
        out.write((byte) '"');
        return true;
    }

    /** {@link #quoteIsoDate(byte[], int, int, JsonBuffer)} of all of {@code text}. */
    public static boolean quoteIsoDate(byte[] text, JsonBuffer out) {
        return quoteIsoDate(text, 0, text.length, out);
    }

    /**
     * Writes {@link #fromSqlLocal(String)} of the ASCII bytes {@code text} as a JSON string;
     * false, with nothing written, when that would be null.
     */
    public static boolean quoteSqlLocal(byte[] text, JsonBuffer out) {
        return quoteSqlLocal(text, 0, text.length, out);
    }

    /** {@link #quoteSqlLocal(byte[], JsonBuffer)} of {@code text[from, to)}. */
    public static boolean quoteSqlLocal(byte[] text, int from, int to, JsonBuffer out) {
        int end = localEnd(text, from, to);
        if (end != to) {
            return false;
        }
        quoteIso(text, from, end, false, out);
        return true;
    }

    /**
     * Writes {@link #fromSqlUtc(String)} of the ASCII bytes {@code text} as a JSON string;
     * false, with nothing written, when that would be null.
     */
    public static boolean quoteSqlUtc(byte[] text, JsonBuffer out) {
        return quoteSqlUtc(text, 0, text.length, out);
    }

    /** {@link #quoteSqlUtc(byte[], JsonBuffer)} of {@code text[from, to)}. */
    public static boolean quoteSqlUtc(byte[] text, int from, int to, JsonBuffer out) {
        int end = localEnd(text, from, to);
        if (end < 0 || !utcOffset(text, end, to)) {
            return false;
        }
        quoteIso(text, from, end, true, out);
        return true;
    }

    private static boolean utcOffset(byte[] text, int from, int to) {
        int length = to - from;
        if (length == 1) {
            return text[from] == 'Z';
        }
        if (length != 3 && length != 6 && length != 9) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            byte expected = i == 0 ? (byte) '+' : i % 3 == 0 ? (byte) ':' : (byte) '0';
            if (text[from + i] != expected) {
                return false;
            }
        }
        return true;
    }

    private static void quoteIso(byte[] text, int from, int end, boolean utc, JsonBuffer out) {
        int stop = end;
        if (stop - from > 19) {
            while (text[stop - 1] == '0') {
                stop--;
            }
            if (text[stop - 1] == '.') {
                stop--;
            }
        }
        out.write((byte) '"');
        out.write(text, from, from + 10);
        out.write((byte) 'T');
        out.write(text, from + 11, stop);
        if (utc) {
            out.write((byte) 'Z');
        }
        out.write((byte) '"');
    }

    /** Where {@code yyyy-MM-dd[ T]HH:mm:ss[.f+]} at the start of {@code text[from, to)} ends, or -1. */
    private static int localEnd(byte[] text, int from, int to) {
        if (to - from < 19 || !isoDatePrefix(text, from, to) || (text[from + 10] != ' ' && text[from + 10] != 'T')
                || !digits(text, from + 11, 2) || text[from + 13] != ':' || !digits(text, from + 14, 2) || text[from + 16] != ':'
                || !digits(text, from + 17, 2)) {
            return -1;
        }
        int end = from + 19;
        if (end < to && text[end] == '.') {
            end++;
            while (end < to && text[end] >= '0' && text[end] <= '9') {
                end++;
            }
        }
        return end;
    }

    private static boolean isoDatePrefix(byte[] text, int from, int to) {
        return to - from >= 10 && digits(text, from, 4) && text[from + 4] == '-' && digits(text, from + 5, 2) && text[from + 7] == '-'
                && digits(text, from + 8, 2);
    }

    private static boolean digits(byte[] text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (text[i] < '0' || text[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** Where {@code yyyy-MM-dd[ T]HH:mm:ss[.f+]} ends in {@code text}, or -1. */
    private static int localEnd(String text) {
        if (text.length() < 19 || !isIsoDate(text.substring(0, 10)) || (text.charAt(10) != ' ' && text.charAt(10) != 'T')
                || !digits(text, 11, 2) || text.charAt(13) != ':' || !digits(text, 14, 2) || text.charAt(16) != ':'
                || !digits(text, 17, 2)) {
            return -1;
        }
        int end = 19;
        if (end < text.length() && text.charAt(end) == '.') {
            end++;
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
        }
        return end;
    }

    /** The first {@code end} characters with a {@code T} separator and no trailing fraction zeros. */
    private static String iso(String text, int end) {
        int stop = end;
        if (stop > 19) {
            while (text.charAt(stop - 1) == '0') {
                stop--;
            }
            if (text.charAt(stop - 1) == '.') {
                stop--;
            }
        }
        char[] chars = new char[stop];
        text.getChars(0, stop, chars, 0);
        chars[10] = 'T';
        return new String(chars);
    }

    private static boolean digits(String text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int write(char[] text, int year, int month, int day, int hour, int minute, int second, int nano) {
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, month, 2);
        text[7] = '-';
        digits(text, 8, day, 2);
        text[10] = 'T';
        digits(text, 11, hour, 2);
        text[13] = ':';
        digits(text, 14, minute, 2);
        text[16] = ':';
        digits(text, 17, second, 2);
        if (nano == 0) {
            return 19;
        }
        text[19] = '.';
        digits(text, 20, nano, 9);
        int end = 29;
        while (text[end - 1] == '0') {
            end--;
        }
        return end;
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
