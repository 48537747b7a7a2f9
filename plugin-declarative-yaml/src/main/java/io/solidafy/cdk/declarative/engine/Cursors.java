package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.solidafy.cdk.declarative.template.DateTimes;
import io.solidafy.cdk.spi.CursorOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Cursor values: compared in the platform's {@link CursorOrder}; moved back by a lookback window in
 * their own form. Stateless.
 */
final class Cursors {

    private Cursors() {}

    static int compare(JsonNode a, JsonNode b) {
        return CursorOrder.INSTANCE.compare(a, b);
    }

    /** The cursor moved back by {@code lookback}, keeping its form (epoch seconds/millis, ISO date-time or date). */
    static JsonNode minus(JsonNode cursor, Duration lookback) {
        if (cursor.isIntegralNumber()) {
            long value = cursor.asLong();
            long delta = value > 100_000_000_000L ? lookback.toMillis() : lookback.getSeconds();
            return JsonNodeFactory.instance.numberNode(value - delta);
        }
        String text = cursor.asText();
        if (text.matches("\\d{1,13}")) {
            long value = Long.parseLong(text);
            long delta = value > 100_000_000_000L ? lookback.toMillis() : lookback.getSeconds();
            return JsonNodeFactory.instance.textNode(Long.toString(value - delta));
        }
        Optional<Instant> instant = DateTimes.tryParse(text);
        if (instant.isEmpty()) {
            return cursor;
        }
        Instant moved = instant.get().minus(lookback);
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return JsonNodeFactory.instance.textNode(moved.atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
        return JsonNodeFactory.instance.textNode(moved.toString());
    }
}
