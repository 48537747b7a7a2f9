package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.database.types.ColumnInfo;
import io.solidafy.cdk.database.types.JsonBuffer;
import io.solidafy.cdk.database.types.TextValueEncoder;
import io.solidafy.cdk.database.types.TextValueEncoders;
import io.solidafy.cdk.database.types.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.TimestampUtils;

/**
 * Turns one row of {@code COPY ... TO STDOUT} (text format: fields separated by tabs, {@code \N}
 * for NULL, backslash escapes, a newline at the end) into an {@link EncodedRecord} with the same
 * JSON text as {@link RecordEncoder} gives for the row read through a cursor. One per read, used
 * by one thread.
 */
final class CopyRecordEncoder {

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final RecordLayout layout;
    private final TextValueEncoder[] encoders;
    private final JsonBuffer buffer = new JsonBuffer(1024);
    private final NodeWriter nodeWriter;
    /** A field's text with its escapes undone, when it had any. */
    private byte[] unescaped = new byte[256];

    private CopyRecordEncoder(RecordLayout layout, TextValueEncoder[] encoders, ObjectMapper mapper) {
        this.layout = layout;
        this.encoders = encoders;
        this.nodeWriter = new NodeWriter(buffer, mapper);
    }

    /**
     * An encoder for the rows of {@code sql} on a PgJDBC {@code connection}, or empty when one of
     * its columns has no encoding from its text. A column of a user-defined type is read through
     * COPY only when the server reports that type for it: a domain is reported as its base type, and
     * PgJDBC's text of some base types (points, boxes, times of day) is its own, not the server's.
     */
    static Optional<CopyRecordEncoder> forQuery(Connection connection, String sql, List<ColumnInfo> columns, String[] names,
            ValueKind[] kinds, ObjectMapper mapper) throws SQLException {
        if (!connection.isWrapperFor(BaseConnection.class)) {
            return Optional.empty();
        }
        if (Arrays.asList(kinds).contains(ValueKind.OTHER)) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                ResultSetMetaData reported = statement.getMetaData(); // a describe, no rows
                for (int i = 0; i < kinds.length; i++) {
                    if (kinds[i] == ValueKind.OTHER && !reported.getColumnTypeName(i + 1).equalsIgnoreCase(columns.get(i).typeName())) {
                        return Optional.empty();
                    }
                }
            }
        }
        TimestampUtils times = connection.unwrap(BaseConnection.class).getTimestampUtils();
        return forColumns(columns, names, kinds, times, mapper);
    }

    /** An encoder for these columns, or empty when one of them has no encoding from its text. */
    static Optional<CopyRecordEncoder> forColumns(List<ColumnInfo> columns, String[] names, ValueKind[] kinds, TimestampUtils times,
            ObjectMapper mapper) {
        TextValueEncoder[] encoders = new TextValueEncoder[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            Optional<TextValueEncoder> encoder = TextValueEncoders.forColumn(columns.get(i), kinds[i], times);
            if (encoder.isEmpty()) {
                return Optional.empty();
            }
            encoders[i] = encoder.get();
        }
        return Optional.of(new CopyRecordEncoder(new RecordLayout(names, kinds), encoders, mapper));
    }

    EncodedRecord encode(byte[] row) throws SQLException {
        int count = encoders.length;
        int[] valueEnds = new int[count];
        JsonNode[] nodes = null;
        int end = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
        int at = 0;
        buffer.truncate(0);
        buffer.write((byte) '{');
        for (int i = 0; i < count; i++) {
            if (at > end) {
                throw fieldCount(i);
            }
            int stop = at;
            boolean escaped = false;
            while (stop < end && row[stop] != '\t') {
                escaped |= row[stop] == '\\';
                stop++;
            }
            buffer.write(layout.prefix(i));
            if (stop - at == 2 && row[at] == '\\' && row[at + 1] == 'N') {
                buffer.write(NULL);
            } else {
                JsonNode node = escaped ? encoders[i].encode(unescaped, 0, unescape(row, at, stop), buffer)
                        : encoders[i].encode(row, at, stop, buffer);
                if (node != null) {
                    nodes = nodeWriter.writeKept(node, nodes, i, count);
                }
            }
            valueEnds[i] = buffer.size();
            at = stop + 1;
        }
        if (at != end + 1) {
            throw fieldCount(count + 1);
        }
        buffer.write((byte) '}');
        return new EncodedRecord(new RecordFields(layout, buffer.copyFrom(0), valueEnds, nodes));
    }

    private SQLException fieldCount(int found) {
        return new SQLException("COPY sent a row with " + (found > encoders.length ? "more than " + encoders.length : found)
                + " fields where " + encoders.length + " columns were selected");
    }

    /**
     * Undoes COPY's escapes in {@code row[from, to)} into {@link #unescaped}, returning the length:
     * {@code \b \f \n \r \t \v}, one to three octal digits, {@code \x} with one or two hex digits, and
     * a backslash before any other character stands for that character.
     */
    private int unescape(byte[] row, int from, int to) {
        if (unescaped.length < to - from) {
            unescaped = new byte[Math.max(to - from, unescaped.length * 2)];
        }
        byte[] out = unescaped;
        int n = 0;
        int i = from;
        while (i < to) {
            byte b = row[i++];
            if (b != '\\' || i == to) {
                out[n++] = b;
                continue;
            }
            byte c = row[i++];
            switch (c) {
                case 'b' -> out[n++] = '\b';
                case 'f' -> out[n++] = '\f';
                case 'n' -> out[n++] = '\n';
                case 'r' -> out[n++] = '\r';
                case 't' -> out[n++] = '\t';
                case 'v' -> out[n++] = 0x0B;
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = c - '0';
                    for (int digits = 1; digits < 3 && i < to && row[i] >= '0' && row[i] <= '7'; digits++) {
                        value = value * 8 + row[i++] - '0';
                    }
                    out[n++] = (byte) value;
                }
                case 'x' -> {
                    int value = i < to ? Character.digit(row[i], 16) : -1;
                    if (value < 0) {
                        out[n++] = 'x';
                    } else {
                        i++;
                        int second = i < to ? Character.digit(row[i], 16) : -1;
                        if (second >= 0) {
                            value = value * 16 + second;
                            i++;
                        }
                        out[n++] = (byte) value;
                    }
                }
                default -> out[n++] = c;
            }
        }
        return n;
    }
}
