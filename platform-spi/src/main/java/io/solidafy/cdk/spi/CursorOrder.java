package io.solidafy.cdk.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Comparator;

/**
 * The one order of cursor values, shared by the runtime (which saves the maximum) and sources
 * (which filter by the saved cursor): as numbers when both are numbers (or numeric strings), as
 * instants when both parse as date-times or dates ({@link DateTimeText}: local ones read as UTC,
 * offsets such as {@code +0000} understood), else as
 * strings. Stateless and thread-safe.
 */
public final class CursorOrder implements Comparator<JsonNode> {

    public static final CursorOrder INSTANCE = new CursorOrder();

    private CursorOrder() {}

    @Override
    public int compare(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        String x = a.asText();
        String y = b.asText();
        if (x.equals(y)) {
            return 0;
        }
        if (sameUtcShape(x, y)) {
            return x.compareTo(y); // same-format UTC timestamps sort as text; skip parsing on the hot path
        }
        if (isNumeric(a, x) && isNumeric(b, y)) {
            return new java.math.BigDecimal(x).compareTo(new java.math.BigDecimal(y));
        }
        Instant ix = instant(x);
        Instant iy = ix == null ? null : instant(y);
        if (ix != null && iy != null) {
            return ix.compareTo(iy);
        }
        return x.compareTo(y);
    }

    /** Both look like {@code yyyy-MM-ddTHH:mm:ss[.fff]Z} with the same length. */
    private static boolean sameUtcShape(String x, String y) {
        int n = x.length();
        return n == y.length() && n >= 20 && x.charAt(n - 1) == 'Z' && y.charAt(n - 1) == 'Z'
                && x.charAt(10) == 'T' && y.charAt(10) == 'T' && x.charAt(4) == '-' && y.charAt(4) == '-';
    }

    private static boolean isNumeric(JsonNode node, String text) {
        if (node.isNumber()) {
            return true;
        }
        if (text.isEmpty() || text.length() > 40) {
            return false;
        }
        int start = text.charAt(0) == '-' ? 1 : 0;
        boolean digits = false;
        boolean dot = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits;
    }

    /** The instant of a date-time or date as {@link DateTimeText} reads it, or null. */
    public static Instant instant(String text) {
        return DateTimeText.parse(text).orElse(null);
    }
}
