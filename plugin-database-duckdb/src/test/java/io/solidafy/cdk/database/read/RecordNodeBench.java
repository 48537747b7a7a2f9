package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.OutputStream;
import java.math.BigDecimal;

/**
 * Benchmark (not a test): the cost of writing one benchmark-shaped row as a RECORD message on the
 * runtime's single writing thread, for a plain ObjectNode and for a pre-encoded {@link RecordNode}.
 * Run with {@code bench/java.sh plugin-database-duckdb io.solidafy.cdk.database.read.RecordNodeBench}.
 */
public final class RecordNodeBench {

    private RecordNodeBench() {}

    public static void main(String[] args) throws Exception {
        int rows = 200_000;
        String[] keys = {"id", "created_at", "name", "amount", "qty", "price", "active", "day", "note", "code"};
        RecordNode.Columns columns = RecordNode.Columns.of(keys);
        ObjectNode[] plain = new ObjectNode[rows];
        ObjectNode[] encoded = new ObjectNode[rows];
        for (int g = 0; g < rows; g++) {
            JsonNode[] values = {LongNode.valueOf(g), TextNode.valueOf("2024-01-01T00:00:" + (g % 60) + "Z"), TextNode.valueOf("name-" + g),
                DecimalNode.valueOf(new BigDecimal(g % 100000).movePointLeft(2)), LongNode.valueOf(g % 1000), DoubleNode.valueOf(g * 0.25),
                JsonNodeFactory.instance.booleanNode(g % 2 == 0), TextNode.valueOf("2020-01-01"),
                TextNode.valueOf("note number " + g + " with some text"), TextNode.valueOf("C" + (g % 9973))};
            plain[g] = JsonNodeFactory.instance.objectNode();
            RecordNode record = new RecordNode(columns);
            for (int i = 0; i < keys.length; i++) {
                plain[g].set(keys[i], values[i]);
                record.setColumn(i, values[i]);
            }
            encoded[g] = record;
        }
        ObjectMapper mapper = new ObjectMapper();
        for (int round = 0; round < 12; round++) {
            for (boolean pre : new boolean[] {false, true}) {
                ObjectNode[] batch = pre ? encoded : plain;
                JsonGenerator g = mapper.getFactory().createGenerator(OutputStream.nullOutputStream());
                long started = System.nanoTime();
                for (int repeat = 0; repeat < 5; repeat++) {
                    for (ObjectNode row : batch) {
                        g.writeStartObject();
                        g.writeStringField("type", "RECORD");
                        g.writeFieldName("record");
                        g.writeStartObject();
                        g.writeStringField("stream", "public.t");
                        g.writeFieldName("data");
                        mapper.writeTree(g, row);
                        g.writeNumberField("emitted_at", 1795709137012L);
                        g.writeEndObject();
                        g.writeEndObject();
                        g.writeRaw('\n');
                    }
                }
                g.flush();
                double nanos = (System.nanoTime() - started) / (5.0 * rows);
                System.out.printf("%-12s %.0f ns per RECORD%n", pre ? "pre-encoded" : "plain", nanos);
            }
        }
    }
}
