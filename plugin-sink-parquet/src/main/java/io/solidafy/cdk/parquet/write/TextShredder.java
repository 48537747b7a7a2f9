package io.solidafy.cdk.parquet.write;

import io.solidafy.cdk.parquet.write.Shredder.GroupNode;
import io.solidafy.cdk.parquet.write.Shredder.LeafNode;
import io.solidafy.cdk.parquet.write.Shredder.ListNode;
import io.solidafy.cdk.parquet.write.Shredder.Node;
import java.util.Arrays;

/**
 * Shreds a record straight from its JSON text ({@link io.solidafy.cdk.spi.JsonText}) onto a
 * {@link LeafTape}, without building its tree: the values and levels {@link Shredder} writes for
 * the same record, strings copied as their UTF-8 bytes.
 *
 * <p>It takes the shape nearly every record has: fields in schema order (absent ones allowed),
 * strings without escapes, integers of up to 18 digits, decimals of up to 15 digits without an
 * exponent, empty objects and arrays in JSON-text columns. For anything else it answers false
 * (the caller rewinds the tape and shreds the tree, which decides as it always did, including that
 * the record does not fit): an escape, a field out of order, repeated or unknown (unless null), a
 * value not of its column's kind, a number that needs more than a long or more digits than a
 * double keeps. That way the two paths cannot disagree. Stateless: every call has its own cursor.
 */
final class TextShredder {

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    /** Digits a double keeps: decimals up to this long go through it exactly (the schema's rule too). */
    private static final int DOUBLE_DIGITS = 15;
    private static final int LONG_DIGITS = 18;
    /** What {@link #position} answers for a key the schema lacks, or one that came before the expected field. */
    private static final int UNKNOWN = -1;
    private static final int EARLIER = -2;

    private final GroupNode root;

    TextShredder(GroupNode root) {
        this.root = root;
    }

    /** Records {@code json} onto {@code tape} and answers true, or answers false leaving a partial record to rewind. */
    boolean tryShred(byte[] json, LeafTape tape) {
        Cursor c = new Cursor(json);
        return c.peek() == '{' && fields(root, c, 0, 0, 0, tape) && c.peek() == -1;
    }

    /** The read position in the text. */
    private static final class Cursor {
        final byte[] b;
        int p;

        Cursor(byte[] b) {
            this.b = b;
        }

        /** Skips whitespace; the byte there, or -1 at the end. */
        int peek() {
            while (p < b.length) {
                byte x = b[p];
                if (x != ' ' && x != '\n' && x != '\r' && x != '\t') {
                    return x;
                }
                p++;
            }
            return -1;
        }
    }

    /** The object at the cursor, for a defined group at definition level {@code d}. */
    private static boolean fields(GroupNode node, Cursor c, int r, int d, int rep, LeafTape tape) {
        byte[][] names = node.utf8Names();
        Node[] fields = node.fields();
        int next = 0;
        c.p++; // '{'
        if (c.peek() == '}') {
            c.p++;
        } else {
            while (true) {
                if (c.peek() != '"') {
                    return false;
                }
                int keyStart = c.p + 1;
                int keyEnd = stringEnd(c.b, keyStart);
                if (keyEnd < 0) {
                    return false;
                }
                c.p = keyEnd + 1;
                if (c.peek() != ':') {
                    return false;
                }
                c.p++;
                int v = c.peek();
                int position = position(names, next, c.b, keyStart, keyEnd);
                if (v < 0 || position == EARLIER) {
                    return false; // out of order or repeated: the tree knows which value wins
                }
                if (position == UNKNOWN) {
                    if (!literal(c, NULL)) {
                        return false; // a field this part has no column for
                    }
                } else {
                    for (int i = next; i < position; i++) {
                        Shredder.nulls(fields[i], r, d, tape);
                    }
                    if (v == 'n') {
                        if (!literal(c, NULL)) {
                            return false;
                        }
                        Shredder.nulls(fields[position], r, d, tape);
                    } else if (!shred(fields[position], c, r, d, rep, tape)) {
                        return false;
                    }
                    next = position + 1;
                }
                int separator = c.peek();
                c.p++;
                if (separator == '}') {
                    break;
                }
                if (separator != ',') {
                    return false;
                }
            }
        }
        for (int i = next; i < fields.length; i++) {
            Shredder.nulls(fields[i], r, d, tape);
        }
        return true;
    }

    /** The column of the key {@code b[start..end)}: searched from {@code next} on, then before it ({@link #EARLIER}). */
    private static int position(byte[][] names, int next, byte[] b, int start, int end) {
        for (int i = next; i < names.length; i++) {
            if (Arrays.equals(b, start, end, names[i], 0, names[i].length)) {
                return i;
            }
        }
        for (int i = 0; i < next; i++) {
            if (Arrays.equals(b, start, end, names[i], 0, names[i].length)) {
                return EARLIER;
            }
        }
        return UNKNOWN;
    }

    /** A non-null value at the cursor, of a node whose parent is defined at level {@code d}. */
    private static boolean shred(Node node, Cursor c, int r, int d, int rep, LeafTape tape) {
        if (node instanceof LeafNode leaf) {
            return leaf(leaf, c, r, d + 1, tape);
        }
        if (node instanceof GroupNode group) {
            return c.b[c.p] == '{' && fields(group, c, r, d + 1, rep, tape);
        }
        ListNode list = (ListNode) node;
        if (c.b[c.p] != '[') {
            return false;
        }
        c.p++;
        if (c.peek() == ']') {
            c.p++;
            Shredder.nulls(list, r, d + 1, tape); // the list is defined, its repeated group is not
            return true;
        }
        int itemR = r;
        while (true) {
            int v = c.peek();
            // the repeated group sits at d + 2; the optional element below it
            if (v == 'n') {
                if (!literal(c, NULL)) {
                    return false;
                }
                Shredder.nulls(list.element(), itemR, d + 2, tape);
            } else if (v < 0 || !shred(list.element(), c, itemR, d + 2, rep + 1, tape)) {
                return false;
            }
            itemR = rep + 1;
            int separator = c.peek();
            c.p++;
            if (separator == ']') {
                return true;
            }
            if (separator != ',') {
                return false;
            }
        }
    }

    private static boolean leaf(LeafNode node, Cursor c, int r, int d, LeafTape tape) {
        int column = node.column();
        byte[] b = c.b;
        int first = b[c.p];
        switch (node.leaf().kind()) {
            case STRING, TEXT -> {
                if (first != '"') {
                    return false; // TEXT holds other values as their JSON text, which the tree writes
                }
                int end = stringEnd(b, c.p + 1);
                if (end < 0) {
                    return false;
                }
                tape.addBytes(column, r, d, b, c.p + 1, end - c.p - 1);
                c.p = end + 1;
                return true;
            }
            case BOOLEAN -> {
                boolean value = first == 't';
                if (!literal(c, value ? TRUE : FALSE)) {
                    return false;
                }
                tape.addBoolean(column, r, d, value);
                return true;
            }
            case LONG -> {
                return number(c, column, r, d, tape, false);
            }
            case DOUBLE -> {
                return number(c, column, r, d, tape, true);
            }
            case JSON -> {
                // empty containers only: their text is the tree's; anything else the tree writes as Jackson does
                int close = first == '{' ? '}' : first == '[' ? ']' : 0;
                if (close == 0 || c.p + 1 >= b.length || b[c.p + 1] != close) {
                    return false;
                }
                tape.addBytes(column, r, d, b, c.p, 2);
                c.p += 2;
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * A number at the cursor into a LONG column (integers of up to 18 digits) or a DOUBLE column
     * (up to 15 digits with or without a fraction, no exponent: exactly the double the tree holds,
     * by one correctly rounded division, as for any parser).
     */
    private static boolean number(Cursor c, int column, int r, int d, LeafTape tape, boolean toDouble) {
        byte[] b = c.b;
        int i = c.p;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        int start = i;
        long mantissa = 0;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            mantissa = mantissa * 10 + (b[i++] - '0');
            if (i - start > LONG_DIGITS) {
                return false;
            }
        }
        int integerDigits = i - start;
        if (integerDigits == 0 || (integerDigits > 1 && b[start] == '0')) {
            return false;
        }
        int fractionDigits = 0;
        if (i < b.length && b[i] == '.') {
            int fraction = ++i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9' && i - fraction < DOUBLE_DIGITS) {
                mantissa = mantissa * 10 + (b[i++] - '0');
            }
            fractionDigits = i - fraction;
            if (fractionDigits == 0 || !toDouble) {
                return false;
            }
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E' || b[i] == '.' || (b[i] >= '0' && b[i] <= '9'))) {
            return false; // an exponent, or more digits than kept
        }
        if (toDouble) {
            if (integerDigits + fractionDigits > DOUBLE_DIGITS) {
                return false;
            }
            // an integer is an integer node in the tree (-0 is 0); a decimal keeps its sign (-0.0)
            double value = fractionDigits == 0 ? (double) (negative ? -mantissa : mantissa) : mantissa / POWERS_OF_TEN[fractionDigits];
            tape.addDouble(column, r, d, fractionDigits > 0 && negative ? -value : value);
        } else {
            tape.addLong(column, r, d, negative ? -mantissa : mantissa);
        }
        c.p = i;
        return true;
    }

    /**
     * Where the string starting at {@code from} (after its quote) ends, or -1 when it holds an
     * escape, a control character or bytes that are not UTF-8 (which a tree would hold decoded, as
     * replacement characters): its bytes are then exactly the text's UTF-8.
     */
    private static int stringEnd(byte[] b, int from) {
        int i = from;
        while (i < b.length) {
            byte x = b[i];
            if (x == '"') {
                return i;
            }
            if (x == '\\' || (x >= 0 && x < 0x20)) {
                return -1;
            }
            if (x >= 0) {
                i++;
            } else {
                int length = utf8Length(b, i);
                if (length < 0) {
                    return -1;
                }
                i += length;
            }
        }
        return -1;
    }

    /** The length of the well-formed UTF-8 sequence of a character beyond ASCII at {@code i}, or -1. */
    private static int utf8Length(byte[] b, int i) {
        int first = b[i] & 0xFF;
        int length = first >= 0xC2 && first <= 0xDF ? 2 : first >= 0xE0 && first <= 0xEF ? 3 : first >= 0xF0 && first <= 0xF4 ? 4 : -1;
        if (length < 0 || i + length > b.length) {
            return -1;
        }
        for (int k = 1; k < length; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        int second = b[i + 1] & 0xFF;
        boolean overlongOrOutOfRange = (first == 0xE0 && second < 0xA0) || (first == 0xF0 && second < 0x90) || (first == 0xF4 && second > 0x8F);
        boolean surrogate = first == 0xED && second > 0x9F;
        return overlongOrOutOfRange || surrogate ? -1 : length;
    }

    /** Consumes {@code word} at the cursor if it is there as a whole token. */
    private static boolean literal(Cursor c, byte[] word) {
        byte[] b = c.b;
        int end = c.p + word.length;
        if (end > b.length || !Arrays.equals(b, c.p, end, word, 0, word.length)) {
            return false;
        }
        if (end < b.length && (Character.isLetterOrDigit(b[end]) || b[end] == '_')) {
            return false;
        }
        c.p = end;
        return true;
    }
}
