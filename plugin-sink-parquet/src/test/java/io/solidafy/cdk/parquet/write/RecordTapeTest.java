package io.solidafy.cdk.parquet.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.parquet.schema.FieldType.Struct;
import io.solidafy.cdk.parquet.schema.TypeMerger;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.junit.jupiter.api.Test;

/** A tape replays exactly the calls a direct write makes, also around abandoned records. */
class RecordTapeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Logs every call as text. */
    static final class Log extends RecordConsumer {
        final StringBuilder calls = new StringBuilder();

        @Override public void startMessage() { calls.append("M("); }
        @Override public void endMessage() { calls.append(")M "); }
        @Override public void startField(String field, int index) { calls.append(field).append('#').append(index).append('['); }
        @Override public void endField(String field, int index) { calls.append(']'); }
        @Override public void startGroup() { calls.append('{'); }
        @Override public void endGroup() { calls.append('}'); }
        @Override public void addInteger(int value) { calls.append("i").append(value); }
        @Override public void addLong(long value) { calls.append("l").append(value); }
        @Override public void addBoolean(boolean value) { calls.append("b").append(value); }
        @Override public void addBinary(Binary value) { calls.append("s'").append(value.toStringUsingUTF8()).append('\''); }
        @Override public void addFloat(float value) { calls.append("f").append(value); }
        @Override public void addDouble(double value) { calls.append("d").append(value); }
    }

    @Test
    void replayEqualsDirectWritingAndAbandonedRecordsLeaveNoTrace() throws Exception {
        TypeMerger merger = new TypeMerger(500);
        JsonNode a = MAPPER.readTree("{\"id\":1,\"name\":\"Zoë 🎉\",\"tags\":[\"x\",null],\"nested\":{\"n\":2.5,\"ok\":true},\"any\":{}}");
        JsonNode misfit = MAPPER.readTree("{\"id\":2,\"name\":\"ascii\",\"tags\":[\"y\"],\"nested\":{\"n\":\"not a number\"}}");
        JsonNode c = MAPPER.readTree("{\"name\":\"plain\",\"id\":3,\"any\":{\"k\":[1]},\"tags\":[]}");
        Struct type = merger.mergeRecord(merger.recordTypeOf(a), merger.recordTypeOf(c));
        ParquetSchema schema = ParquetSchema.of(type);

        RecordTape tape = new RecordTape(16);
        assertTrue(schema.tryWriteRecord(a, tape.recorder()));
        tape.endRecord();
        assertFalse(schema.tryWriteRecord(misfit, tape.recorder()), "a string where a double column is");
        tape.abandonRecord();
        assertTrue(schema.tryWriteRecord(c, tape.recorder()));
        tape.endRecord();
        assertEquals(2, tape.records());

        for (int i = 0; i < 2; i++) {
            Log direct = new Log();
            schema.writeRecord(i == 0 ? a : c, direct);
            Log replayed = new Log();
            tape.replay(i, replayed);
            assertEquals(direct.calls.toString(), replayed.calls.toString(), "record " + i);
        }
        Log first = new Log();
        tape.replay(0, first);
        assertTrue(first.calls.toString().contains("s'Zoë 🎉'"), first.calls.toString());
        assertFalse(schema.fits(misfit));
    }
}
