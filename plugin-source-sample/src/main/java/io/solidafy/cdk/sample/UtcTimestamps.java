package io.solidafy.cdk.sample;

/**
 * Formats whole epoch seconds as {@code yyyy-MM-ddTHH:mm:ssZ}, exactly what {@code
 * Instant.toString()} gives for whole seconds in years 0000-9999, without its formatter: the sample
 * source writes three timestamps per record, and {@code Instant.toString()} was a fifth of the
 * generating thread's time in the Parquet benchmark, where that thread is the critical path.
 */
final class UtcTimestamps {

    private UtcTimestamps() {}

    static String format(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        // Civil date from days since 1970-01-01 (proleptic Gregorian), by 400-year eras.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        char[] out = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0', 'Z'};
        digits(out, 0, year, 4);
        digits(out, 5, month, 2);
        digits(out, 8, day, 2);
        digits(out, 11, secondOfDay / 3600, 2);
        digits(out, 14, secondOfDay / 60 % 60, 2);
        digits(out, 17, secondOfDay % 60, 2);
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
