package io.solidafy.cdk.database.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The hand-written ISO forms equal java.time's, and database text is only reshaped when it is safe. */
class IsoTimesTest {

    @Test
    void formattingMatchesJavaTime() {
        for (String text : new String[] {"2024-12-15T10:30:00", "2024-12-15T10:30:00.5", "0001-01-01T00:00:00.000000001",
            "9999-12-31T23:59:59.123456"}) {
            LocalDateTime value = LocalDateTime.parse(text);
            assertEquals(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value), IsoTimes.localDateTime(value));
            Instant instant = Instant.parse(text + "Z");
            assertEquals(text + "Z", IsoTimes.instant(instant), "fraction without trailing zeros, like the local form");
            assertEquals(instant, Instant.parse(IsoTimes.instant(instant)));
        }
        LocalDateTime far = LocalDateTime.of(12345, 1, 1, 0, 0);
        assertEquals(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(far), IsoTimes.localDateTime(far));
    }

    @Test
    void databaseTextIsReshapedOnlyWhenItIsSafe() {
        assertEquals("2024-12-15T10:30:00", IsoTimes.fromSqlLocal("2024-12-15 10:30:00"));
        assertEquals("2024-12-15T10:30:00.5", IsoTimes.fromSqlLocal("2024-12-15 10:30:00.500"));
        assertEquals("2024-12-15T10:30:00", IsoTimes.fromSqlLocal("2024-12-15 10:30:00.000"));
        assertNull(IsoTimes.fromSqlLocal("infinity"));
        assertNull(IsoTimes.fromSqlLocal("0044-03-15 12:00:00 BC"));
        assertNull(IsoTimes.fromSqlLocal("2024-12-15 10:30:00+02"));

        assertEquals("2024-12-15T10:30:00.25Z", IsoTimes.fromSqlUtc("2024-12-15 10:30:00.25+00"));
        assertEquals("2024-12-15T10:30:00Z", IsoTimes.fromSqlUtc("2024-12-15 10:30:00+00:00"));
        assertNull(IsoTimes.fromSqlUtc("2024-12-15 10:30:00+02"), "other offsets are converted by java.time");
        assertNull(IsoTimes.fromSqlUtc("2024-12-15 10:30:00"));

        assertTrue(IsoTimes.isIsoDate("2024-12-15"));
        assertFalse(IsoTimes.isIsoDate("0044-03-15 BC"));
        assertFalse(IsoTimes.isIsoDate("infinity"));
    }
}
