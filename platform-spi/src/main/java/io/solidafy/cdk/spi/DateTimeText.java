package io.solidafy.cdk.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * The platform's one parser of date-time text, shared by the runtime (cursor order) and sources
 * (incremental filters, templates): an ISO-8601 date-time with {@code T} or a space, optional
 * seconds and fraction, and an offset written {@code Z}, {@code +01:00}, {@code +0100} or
 * {@code +01} (Salesforce writes {@code +0000}); without an offset it is read as UTC; or a date
 * (midnight UTC). Stateless and thread-safe.
 */
public final class DateTimeText {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMMss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter();

    private DateTimeText() {}

    /** The instant the text names, or empty when it is not a date-time or date. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() < 10 || text.charAt(4) != '-') {
            return Optional.empty();
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            TemporalAccessor parsed = FORMAT.parseBest(iso, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof OffsetDateTime offset) {
                return Optional.of(offset.toInstant());
            }
            if (parsed instanceof LocalDateTime local) {
                return Optional.of(local.toInstant(ZoneOffset.UTC));
            }
            return Optional.of(((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
