package io.solidafy.cdk.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.sink.SinkRequest;
import io.solidafy.cdk.spi.sink.StreamWriter;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records that carry their JSON text (as database rows do) are written from the text where it can
 * be, and from the tree where it cannot (escapes, numbers a double does not keep, new fields that
 * widen the schema mid-stream): the parts, their schemas and every value DuckDB reads back are
 * those of the same records given as plain trees.
 */
class TextRecordsTest {

    private static final int RECORDS = 6000;

    @TempDir
    Path tmp;

    @Test
    void recordsWithTheirTextWriteTheSamePartsAsTrees() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            lines.add(line(i));
        }
        List<String> fromText = write("text", lines, TextRecord::new);
        List<String> fromTrees = write("trees", lines, line -> (ObjectNode) Json.parse(line));
        assertEquals(3, fromText.size(), "parts: the first, one widened for a new field, one for a string in a double column");
        assertEquals(fromTrees.size(), fromText.size());
        try (Duck duck = new Duck()) {
            for (int part = 0; part < fromText.size(); part++) {
                assertEquals(duck.query("DESCRIBE SELECT * FROM read_parquet('" + fromTrees.get(part) + "')"),
                        duck.query("DESCRIBE SELECT * FROM read_parquet('" + fromText.get(part) + "')"), "schema of part " + part);
                assertEquals(duck.rows(fromTrees.get(part), "id"), duck.rows(fromText.get(part), "id"), "rows of part " + part);
            }
            List<JsonNode> rows = duck.rows(tmp.resolve("text") + "/**/*.parquet", "id");
            assertEquals(RECORDS, rows.size());
            for (int i = 0; i < RECORDS; i++) {
                assertEquals(Json.normalize(Json.parse(lines.get(i))), Json.normalize(rows.get(i)), "record " + i);
            }
        }
    }

    private List<String> write(String folder, List<String> lines, Function<String, ObjectNode> record)
            throws Exception {
        StreamWriter writer = new ParquetSinkFactory().open(new SinkRequest("parquet", Optional.of(new DirectoryStorage(tmp.resolve(folder))),
                JsonNodeFactory.instance.objectNode(), Instant.now(), (level, message) -> {})).openStream(StreamDescriptor.named("text"));
        for (String line : lines) {
            writer.write(record.apply(line), 0);
        }
        List<String> files = writer.commit();
        assertTrue(files.stream().allMatch(f -> f.endsWith(".parquet")), files.toString());
        return files;
    }

    /** Mostly text the fast path takes; every so often something it leaves to the tree. */
    private static String line(int i) {
        String name = i % 97 == 0 ? "say \\\"hi\\\" " + i : i % 89 == 0 ? "emoji \\ud83d\\ude00 " + i : "name-" + i + "-é";
        String price = i % 83 == 0 ? "0.12345678901234567" : i % 2 == 0 ? Integer.toString(i % 1000 - 500)
                : String.format(Locale.ROOT, "%.2f", i * 1.25 - 3000);
        if (i >= 5000 && i % 10 == 0) {
            price = "\"n/a\""; // a string where a double column is: the part after this is widened
        }
        StringBuilder json = new StringBuilder("{\"id\":").append(i).append(",\"name\":\"").append(name).append("\",\"price\":")
                .append(price).append(",\"ok\":").append(i % 3 == 0).append(",\"address\":")
                .append(i % 5 == 0 ? "null" : "{\"city\":\"C" + i % 7 + "\",\"zip\":\"" + (10000 + i % 300) + "\"}")
                .append(",\"tags\":[").append(i % 4 == 0 ? "" : "\"a\",null,\"b" + i % 3 + "\"").append("]");
        if (i >= 3000) {
            json.append(",\"extra\":").append(i); // a new field: the part after this is widened
        }
        return json.append('}').toString();
    }
}
