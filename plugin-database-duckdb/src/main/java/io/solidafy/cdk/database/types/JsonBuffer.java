package io.solidafy.cdk.database.types;

import java.util.Arrays;

/**
 * A growable buffer of UTF-8 JSON text, written the way Jackson's default UTF-8 generator writes
 * it: strings escaped with the same table ({@code \"}, {@code \\}, {@code \b \t \n \f \r}, other
 * control characters as <code>&#92;u00XX</code> in upper-case hex), characters outside the Basic
 * Multilingual Plane as two <code>&#92;uXXXX</code> surrogate escapes, everything else as UTF-8.
 * Numbers are written by the caller in their JSON form.
 */
public final class JsonBuffer {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** For ASCII: 0 = as is, a letter = short escape ({@code \n}), -1 = <code>&#92;u00XX</code>. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 32; c++) {
            ESCAPES[c] = -1;
        }
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\f'] = 'f';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
    }

    private byte[] bytes;
    private int size;

    public JsonBuffer(int capacity) {
        this.bytes = new byte[Math.max(16, capacity)];
    }

    public int size() {
        return size;
    }

    /** Forgets everything written after {@code size}. */
    public void truncate(int size) {
        this.size = size;
    }

    /** A copy of bytes {@code from} to the end. */
    public byte[] copyFrom(int from) {
        return Arrays.copyOfRange(bytes, from, size);
    }

    public void write(byte value) {
        ensure(1);
        bytes[size++] = value;
    }

    public void write(byte[] value) {
        write(value, 0, value.length);
    }

    public void write(byte[] value, int from, int to) {
        int length = to - from;
        ensure(length);
        System.arraycopy(value, from, bytes, size, length);
        size += length;
    }

    /** Text known to be ASCII (numbers, ISO dates), unquoted. */
    public void ascii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    /** A JSON number from a long, as {@link Long#toString(long)} writes it. */
    public void number(long value) {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        ensure(20);
        if (value < 0) {
            bytes[size++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int at = size + digits;
        size = at;
        do {
            bytes[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
    }

    /** {@code value} (at least 0) in exactly {@code width} digits, zero-padded. */
    public void digits(int value, int width) {
        ensure(width);
        for (int i = size + width - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += width;
    }

    /** A fraction of a second: nothing for 0, else {@code .} and the nanoseconds without trailing zeros. */
    public void fraction(int nanos) {
        if (nanos == 0) {
            return;
        }
        write((byte) '.');
        digits(nanos, 9);
        while (bytes[size - 1] == '0') {
            size--;
        }
    }

    /** A JSON string of {@code text}. */
    public void quote(String text) {
        int length = text.length();
        ensure(length + 2);
        bytes[size++] = '"';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (ESCAPES[c] == 0) {
                    if (size == bytes.length) {
                        ensure(1);
                    }
                    bytes[size++] = (byte) c;
                } else {
                    escape(c);
                }
            } else if (c < 0x800) {
                ensure(2);
                bytes[size++] = (byte) (0xC0 | (c >> 6));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(c);
            } else {
                ensure(3);
                bytes[size++] = (byte) (0xE0 | (c >> 12));
                bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        write((byte) '"');
    }

    /**
     * A JSON string of the UTF-8 text in {@code text[from, to)}, giving the same bytes as
     * {@link #quote(String)} of its decoded string. Returns false, with nothing written, when
     * the bytes are not well-formed UTF-8 (a decoder would have replaced or rejected them).
     */
    public boolean quoteUtf8(byte[] text, int from, int to) {
        int start = size;
        ensure(to - from + 2);
        bytes[size++] = '"';
        int i = from;
        while (i < to) {
            int b = text[i];
            if (b >= 0) {
                if (ESCAPES[b] == 0) {
                    if (size == bytes.length) {
                        ensure(1);
                    }
                    bytes[size++] = (byte) b;
                } else {
                    escape((char) b);
                }
                i++;
                continue;
            }
            int length = sequenceLength(text, i, to);
            if (length == 0) {
                size = start;
                return false;
            }
            if (length == 4) {
                int codePoint = ((text[i] & 0x07) << 18) | ((text[i + 1] & 0x3F) << 12) | ((text[i + 2] & 0x3F) << 6)
                        | (text[i + 3] & 0x3F);
                unicodeEscape(Character.highSurrogate(codePoint));
                unicodeEscape(Character.lowSurrogate(codePoint));
            } else {
                write(text, i, i + length);
            }
            i += length;
        }
        write((byte) '"');
        return true;
    }

    /** The length of the well-formed UTF-8 sequence of 2 to 4 bytes at {@code i}, or 0. */
    private static int sequenceLength(byte[] text, int i, int to) {
        int lead = text[i] & 0xFF;
        int length;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                min = 0xA0; // no overlong forms
            } else if (lead == 0xED) {
                max = 0x9F; // no encoded surrogates
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                min = 0x90;
            } else if (lead == 0xF4) {
                max = 0x8F; // nothing above U+10FFFF
            }
        } else {
            return 0;
        }
        if (i + length > to) {
            return 0;
        }
        int second = text[i + 1] & 0xFF;
        if (second < min || second > max) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            if ((text[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return length;
    }

    private void escape(char c) {
        byte code = ESCAPES[c];
        if (code > 0) {
            ensure(2);
            bytes[size++] = '\\';
            bytes[size++] = code;
        } else {
            unicodeEscape(c);
        }
    }

    private void unicodeEscape(char c) {
        ensure(6);
        bytes[size++] = '\\';
        bytes[size++] = 'u';
        bytes[size++] = HEX[(c >> 12) & 0xF];
        bytes[size++] = HEX[(c >> 8) & 0xF];
        bytes[size++] = HEX[(c >> 4) & 0xF];
        bytes[size++] = HEX[c & 0xF];
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }
}
