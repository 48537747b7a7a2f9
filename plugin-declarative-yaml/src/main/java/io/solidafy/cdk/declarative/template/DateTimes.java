package io.solidafy.cdk.declarative.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.spi.DateTimeText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Parsing and formatting of the date-times templates and date ranges deal with. Stateless. */
public final class DateTimes {

    private DateTimes() {}

    /**
     * Parses an instant: epoch seconds (or milliseconds when very large) as number or digits, or what
     * {@link DateTimeText} reads (ISO date-times with any offset form, local ones as UTC, dates).
     *
     * @throws TemplateException naming the value
     */
    public static Instant parse(JsonNode value) {
        return tryParse(value).orElseThrow(() -> new TemplateException(
                "'" + value.asText() + "' is not a date-time; use an ISO 8601 date-time, a date or unix seconds."));
    }

    /** Like {@link #parse} but empty when the value is not a date-time. */
    public static Optional<Instant> tryParse(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(epoch(value.asLong()));
        }
        return tryParse(value.asText().trim());
    }

    /** Parses text; empty when it is not a date-time. */
    public static Optional<Instant> tryParse(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.chars().allMatch(Character::isDigit) && text.length() <= 13) {
            return Optional.of(epoch(Long.parseLong(text)));
        }
        return DateTimeText.parse(text); // the platform's one date-time parser, as the runtime's cursor order reads it
    }

    private static Instant epoch(long value) {
        return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    /**
     * Formats an instant in UTC: {@code iso} (ISO instant), {@code unix} / {@code %s} (epoch
     * seconds), {@code unix_ms}, a strftime pattern ({@code %Y-%m-%d}) or a Java pattern.
     */
    public static String format(Instant instant, String format) {
        switch (format) {
            case "", "iso":
                return instant.toString();
            case "unix", "%s", "timestamp":
                return Long.toString(instant.getEpochSecond());
            case "unix_ms":
                return Long.toString(instant.toEpochMilli());
            default:
                break;
        }
        String pattern = format.contains("%") ? strftime(format) : format;
        try {
            return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(instant);
        } catch (IllegalArgumentException e) {
            throw new TemplateException("Date format '" + format + "' is invalid: " + e.getMessage());
        }
    }

    /** Translates a strftime pattern into a java.time pattern. */
    private static String strftime(String format) {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length()) {
                String piece = switch (format.charAt(++i)) {
                    case 'Y' -> "yyyy";
                    case 'y' -> "yy";
                    case 'm' -> "MM";
                    case 'd' -> "dd";
                    case 'H' -> "HH";
                    case 'M' -> "mm";
                    case 'S' -> "ss";
                    case 'f' -> "SSSSSS";
                    case 'j' -> "DDD";
                    case 'z' -> "xx";
                    case 'Z' -> "'UTC'";
                    case 'b' -> "MMM";
                    case 'B' -> "MMMM";
                    case 'a' -> "EEE";
                    case 'A' -> "EEEE";
                    case '%' -> "'%'";
                    default -> throw new TemplateException("Date format '" + format + "' uses an unsupported %" + format.charAt(i) + ".");
                };
                if (literal.length() > 0) {
                    out.append('\'').append(literal.toString().replace("'", "''")).append('\'');
                    literal.setLength(0);
                }
                out.append(piece);
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            out.append('\'').append(literal.toString().replace("'", "''")).append('\'');
        }
        return out.toString();
    }
}
