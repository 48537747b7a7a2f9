package io.solidafy.cdk.declarative.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CSV per RFC 4180, streamed: quoted fields with doubled quotes, delimiters and line breaks inside
 * quotes, CRLF or LF line ends. With a header row the values are keyed by it, else by {@code
 * column_1, column_2, ...}. Values stay strings.
 */
public final class CsvDecoder implements Decoder {

    private final char delimiter;
    private final boolean hasHeader;

    public CsvDecoder(char delimiter, boolean hasHeader) {
        this.delimiter = delimiter;
        this.hasHeader = hasHeader;
    }

    @Override
    public DecodedPage decode(InputStream body, RecordSink sink) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
        RowReader rows = new RowReader(reader, delimiter);
        List<String> header = null;
        if (hasHeader) {
            header = rows.next();
            if (header != null && !header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
        }
        int count = 0;
        JsonNode last = null;
        boolean stopped = false;
        List<String> row;
        while ((row = rows.next()) != null) {
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue; // blank line
            }
            ObjectNode record = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < row.size(); i++) {
                String key = header != null && i < header.size() ? header.get(i) : "column_" + (i + 1);
                record.put(key, row.get(i));
            }
            count++;
            last = record;
            if (!sink.accept(record)) {
                stopped = true;
                break;
            }
        }
        return new DecodedPage(JsonNodeFactory.instance.objectNode(), count, Optional.ofNullable(last), stopped);
    }

    /** Splits a character stream into rows of fields. */
    private static final class RowReader {
        private final Reader in;
        private final char delimiter;
        private int pushedBack = -2;
        private long line = 1;

        RowReader(Reader in, char delimiter) {
            this.in = in;
            this.delimiter = delimiter;
        }

        private int read() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            return in.read();
        }

        /** The next row, or null at the end. */
        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            long startLine = line;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new IOException("CSV body has a quoted field opened on line " + startLine + " that is never closed");
                    }
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            pushedBack = n;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r' || c == '\n' || c == -1) {
                    if (c == '\r') {
                        int n = read();
                        if (n != '\n') {
                            pushedBack = n;
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        }
    }
}
