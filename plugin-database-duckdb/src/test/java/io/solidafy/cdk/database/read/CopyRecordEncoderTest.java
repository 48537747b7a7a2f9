package io.solidafy.cdk.database.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.database.types.ColumnInfo;
import io.solidafy.cdk.database.types.ValueKind;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * COPY's text format as the PostgreSQL documentation describes it, including the escapes the server
 * itself never sends but a reader of the format must take ({@code \x41}, octal, {@code \q}).
 */
class CopyRecordEncoderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static CopyRecordEncoder encoder(String... names) {
        List<ColumnInfo> columns = java.util.Arrays.stream(names).map(n -> new ColumnInfo(n, "text", ValueKind.STRING, true)).toList();
        ValueKind[] kinds = columns.stream().map(ColumnInfo::kind).toArray(ValueKind[]::new);
        return CopyRecordEncoder.forColumns(columns, names, kinds, null, MAPPER).orElseThrow();
    }

    private static String encode(CopyRecordEncoder encoder, String row) throws Exception {
        return MAPPER.writeValueAsString(encoder.encode(row.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fieldsAreSplitAtTabsWithNullsAndEscapesUndone() throws Exception {
        CopyRecordEncoder encoder = encoder("a", "b", "c");
        assertEquals("{\"a\":\"x\",\"b\":null,\"c\":\"\"}", encode(encoder, "x\t\\N\t\n"));
        assertEquals("{\"a\":\"\\\\N\",\"b\":\"NN\",\"c\":\"tab\\tnl\\ncr\\r\"}", encode(encoder, "\\\\N\t\\N\\N\ttab\\tnl\\ncr\\r\n"));
        assertEquals("{\"a\":\"\\b\\f\\u000B\",\"b\":\"AAB2!x\",\"c\":\"q\\\\\"}", encode(encoder, "\\b\\f\\v\t\\x41\\101\\1022\\41\\x\t\\q\\\\\n"));
        assertEquals("{\"a\":\"é😀\",\"b\":\"\\u0001\",\"c\":\"\\\\\"}", encode(encoder, "é😀\t\\x1\t\\\\"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsAnError() {
        CopyRecordEncoder encoder = encoder("a", "b");
        assertThrows(SQLException.class, () -> encoder.encode("only one\n".getBytes(StandardCharsets.UTF_8)));
        assertThrows(SQLException.class, () -> encoder.encode("1\t2\t3\n".getBytes(StandardCharsets.UTF_8)));
    }
}
