package io.solidafy.cdk.database.read;

import java.nio.charset.StandardCharsets;

/** Reads back the JSON string contents {@link io.solidafy.cdk.database.types.JsonBuffer} writes. */
final class JsonStrings {

    private JsonStrings() {}

    /** The string whose escaped UTF-8 JSON text (without quotes) is {@code json[from, to)}. */
    static String unquote(byte[] json, int from, int to) {
        int escape = indexOf(json, from, to, (byte) '\\');
        if (escape < 0) {
            return new String(json, from, to - from, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(to - from);
        int start = from;
        while (escape >= 0) {
            text.append(new String(json, start, escape - start, StandardCharsets.UTF_8));
            byte code = json[escape + 1];
            start = escape + 2;
            switch (code) {
                case 'b' -> text.append('\b');
                case 't' -> text.append('\t');
                case 'n' -> text.append('\n');
                case 'f' -> text.append('\f');
                case 'r' -> text.append('\r');
                case 'u' -> {
                    text.append((char) Integer.parseInt(new String(json, start, 4, StandardCharsets.ISO_8859_1), 16));
                    start += 4;
                }
                default -> text.append((char) code); // \" and \\
            }
            escape = indexOf(json, start, to, (byte) '\\');
        }
        text.append(new String(json, start, to - start, StandardCharsets.UTF_8));
        return text.toString();
    }

    private static int indexOf(byte[] json, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (json[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
