package io.solidafy.cdk.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one date-time parser, and the cursor order built on it. */
class DateTimeTextTest {

    @Test
    void readsEveryOffsetForm() {
        Instant expected = Instant.parse("2024-03-01T10:00:00Z");
        for (String text : new String[] {"2024-03-01T10:00:00Z", "2024-03-01T10:00:00.000+0000", "2024-03-01T11:00:00+01:00",
                "2024-03-01T11:00:00.000+0100", "2024-03-01T05:00:00-05", "2024-03-01 10:00:00", "2024-03-01T10:00", "2024-03-01t10:00:00z"}) {
            assertEquals(Optional.of(expected), DateTimeText.parse(text), text);
        }
        assertEquals(Optional.of(Instant.parse("2024-03-01T00:00:00Z")), DateTimeText.parse("2024-03-01"));
        assertEquals(Optional.empty(), DateTimeText.parse("not a date"));
        assertEquals(Optional.empty(), DateTimeText.parse("2024-13-01"));
    }

    /** Item 14 of issue 12: {@code +0000} cursors were compared as text (fails on the old CursorOrder). */
    @Test
    void cursorsWithCompactOffsetsCompareAsInstants() {
        TextNode tenUtc = TextNode.valueOf("2024-01-01T10:00:00.000+0000");
        TextNode tenThirtyUtc = TextNode.valueOf("2024-01-01T09:30:00.000-0100");
        assertTrue(CursorOrder.INSTANCE.compare(tenThirtyUtc, tenUtc) > 0);
        assertTrue(CursorOrder.INSTANCE.compare(tenUtc, tenThirtyUtc) < 0);
        assertEquals(Instant.parse("2024-01-01T10:00:00Z"), CursorOrder.instant("2024-01-01T10:00:00.000+0000"));
    }
}
