package io.solidafy.cdk.parquet.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.parquet.schema.FieldType.Struct;
import io.solidafy.cdk.parquet.schema.TypeMerger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.junit.jupiter.api.Test;

/**
 * The shredder writes exactly the column values and levels Parquet's own record layer
 * (MessageColumnIO, fed by {@link RecordLayerOracle}) writes, also around abandoned records,
 * and replaying a batch column by column gives every column the same values in the same order.
 */
class LeafTapeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Logs every value written, per column. */
    static final class Log implements ColumnWriteStore {
        final Map<String, StringBuilder> columns = new TreeMap<>();

        @Override
        public ColumnWriter getColumnWriter(ColumnDescriptor column) {
            StringBuilder log = columns.computeIfAbsent(String.join(".", column.getPath()), k -> new StringBuilder());
            return new ColumnWriter() {
                private void add(Object value, int r, int d) {
                    log.append(value).append('@').append(r).append(',').append(d).append(' ');
                }
                @Override public void write(int value, int r, int d) { add("i" + value, r, d); }
                @Override public void write(long value, int r, int d) { add("l" + value, r, d); }
                @Override public void write(boolean value, int r, int d) { add("b" + value, r, d); }
                @Override public void write(Binary value, int r, int d) { add("s'" + value.toStringUsingUTF8() + "'", r, d); }
                @Override public void write(float value, int r, int d) { add("f" + value, r, d); }
                @Override public void write(double value, int r, int d) { add("d" + value, r, d); }
                @Override public void writeNull(int r, int d) { add("null", r, d); }
                @Override public void close() {}
                @Override public long getBufferedSizeInMemory() { return 0; }
            };
        }

        /** The same log, taking values the way the tape replays them to the column encoders. */
        LeafWriter leafWriter(ColumnDescriptor column) {
            ColumnWriter log = getColumnWriter(column);
            return new LeafWriter() {
                @Override public void writeNull(int r, int d) { log.writeNull(r, d); }
                @Override public void write(long value, int r, int d) { log.write(value, r, d); }
                @Override public void write(double value, int r, int d) { log.write(value, r, d); }
                @Override public void write(boolean value, int r, int d) { log.write(value, r, d); }
                @Override public void write(byte[] data, int offset, int length, int r, int d) {
                    log.write(Binary.fromConstantByteArray(data, offset, length), r, d);
                }
            };
        }

        @Override public void flush() {}
        @Override public void endRecord() {}
        @Override public long getAllocatedSize() { return 0; }
        @Override public long getBufferedSize() { return 0; }
        @Override public String memUsageString() { return ""; }
        @Override public void close() {}
    }

    @Test
    void shreddingEqualsParquetsRecordLayerAndAbandonedRecordsLeaveNoTrace() throws Exception {
        TypeMerger merger = new TypeMerger(500);
        JsonNode a = MAPPER.readTree("{\"id\":1,\"name\":\"Zoë 🎉\",\"tags\":[\"x\",null],\"nested\":{\"n\":2.5,\"ok\":true},"
                + "\"any\":{},\"items\":[{\"sku\":\"a\",\"q\":[1,2]},null,{\"q\":[]}],\"grid\":[[1,2],[],null,[3]]}");
        JsonNode misfit = MAPPER.readTree("{\"id\":2,\"name\":\"ascii\",\"tags\":[\"y\"],\"nested\":{\"n\":\"not a number\"}}");
        JsonNode c = MAPPER.readTree("{\"name\":\"plain\",\"id\":3,\"any\":{\"k\":[1]},\"tags\":[],\"nested\":null,"
                + "\"items\":[{\"sku\":null,\"q\":null}],\"grid\":[[4]]}");
        JsonNode d = MAPPER.readTree("{\"id\":4}");
        Struct type = merger.mergeRecord(merger.mergeRecord(merger.recordTypeOf(a), merger.recordTypeOf(c)), merger.recordTypeOf(d));
        ParquetSchema schema = ParquetSchema.of(type);
        List<JsonNode> records = List.of(a, c, d);

        LeafTape tape = new LeafTape(16);
        tape.begin();
        assertTrue(schema.tryShred(a, tape));
        tape.end();
        tape.begin();
        assertFalse(schema.tryShred(misfit, tape), "a string where a double column is");
        tape.abandon();
        for (JsonNode record : records.subList(1, records.size())) {
            tape.begin();
            assertTrue(schema.tryShred(record, tape));
            tape.end();
        }
        assertEquals(3, tape.records());

        Log expected = new Log();
        RecordConsumer parquet = new ColumnIOFactory().getColumnIO(schema.message()).getRecordWriter(expected);
        records.forEach(record -> RecordLayerOracle.write(schema, record, parquet));
        parquet.flush();

        Log replayed = new Log();
        LeafWriter[] writers = schema.message().getColumns().stream().map(replayed::leafWriter).toArray(LeafWriter[]::new);
        tape.replayByColumn(0, 3, writers);
        assertEquals(expected.columns.toString(), replayed.columns.toString());

        Log inTwoBatches = new Log();
        writers = schema.message().getColumns().stream().map(inTwoBatches::leafWriter).toArray(LeafWriter[]::new);
        tape.replayByColumn(0, 1, writers);
        tape.replayByColumn(1, 3, writers);
        assertEquals(expected.columns.toString(), inTwoBatches.columns.toString());
        assertTrue(replayed.columns.get("name").toString().contains("s'Zoë 🎉'"), replayed.columns.toString());
        assertFalse(schema.fits(misfit));
    }
}
