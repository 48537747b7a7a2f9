package io.solidafy.cdk.declarative.definition;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written as {@code 30s}, {@code 15m}, {@code 12h}, {@code 1d}, {@code 1w}. Stateless. */
public final class Durations {

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+)\\s*([smhdw])\\s*");

    private Durations() {}

    public static boolean valid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException naming the text
     */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. 30m, 12h, 1d or 1w");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
