package io.solidafy.cdk.database.types;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 text of timestamps, written by hand because {@link DateTimeFormatter} dominated the cost
 * of reading timestamp columns. Output equals {@code ISO_LOCAL_DATE_TIME} / {@code ISO_INSTANT}:
 * seconds always present, the fraction only when non-zero and without trailing zeros.
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
