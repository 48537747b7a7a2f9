package io.solidafy.cdk.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.sink.SinkRequest;
import io.solidafy.cdk.spi.sink.StreamWriter;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink over many small pages and row groups: dictionaries that pay, that fall back to plain
 * pages when they outgrow the dictionary page, and that are not worth it; nulls at every level, lists, -0.0, decimals in a double column. DuckDB reads every value back, and its view of the
 * statistics (min, max and null count of every column chunk) matches the values.
 */
class PagesTest {

    private static final int RECORDS = 30_000;

    @TempDir
    Path tmp;

    @Test
    void manyPagesAndRowGroupsReadBackWithTheirStatistics() throws Exception {
        Path out = tmp.resolve("out");
        ObjectStorage storage = new ObjectStorage() {
            @Override
            public String location() {
                return out.toString();
            }

            @Override
            public Path stage(String key) throws IOException {
                Files.createDirectories(out);
                return Files.createTempFile(out, ".part", ".inprogress");
            }

            @Override
            public String publish(Path staged, String key) throws IOException {
                return Files.move(staged, out.resolve("part-" + key.hashCode() + ".parquet")).toString();
            }

            @Override
            public void discard(Path staged) {
                staged.toFile().delete();
            }
        };
        ObjectNode options = JsonNodeFactory.instance.objectNode().put("page_size", "1k").put("row_group_size", "64k");
        StreamWriter writer = new ParquetSinkFactory().open(new SinkRequest("parquet", Optional.of(storage), options, Instant.now(),
                (level, message) -> {})).openStream(StreamDescriptor.named("pages"));
        List<JsonNode> expected = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            ObjectNode record = record(i);
            writer.write(record, 0);
            expected.add(Json.normalize(record));
        }
        List<String> files = writer.commit();
        assertEquals(1, files.size(), files.toString());
        String file = files.get(0);

        try (Duck duck = new Duck()) {
            assertTrue(Integer.parseInt(duck.single("SELECT max(row_group_id) FROM parquet_metadata('" + file + "')")) > 3,
                    "several row groups");
            assertEquals("[[code, BIT_PACKED,PLAIN_DICTIONARY,RLE], [spread, BIT_PACKED,PLAIN_DICTIONARY,RLE], [unique_text, BIT_PACKED,PLAIN,RLE]]",
                    duck.query("SELECT path_in_schema, string_agg(DISTINCT e, ',' ORDER BY e) FROM (SELECT path_in_schema,"
                            + " unnest(string_split(encodings, ', ')) e FROM parquet_metadata('" + file + "')) WHERE path_in_schema IN"
                            + " ('code', 'spread', 'unique_text') GROUP BY ALL ORDER BY 1").toString(),
                    "dictionary columns and a column whose values are all different, written plain");
            List<JsonNode> rows = duck.rows(file, "id");
            assertEquals(RECORDS, rows.size());
            for (int i = 0; i < RECORDS; i++) {
                assertEquals(expected.get(i), Json.normalize(rows.get(i)), "record " + i);
            }
            // Every column chunk's statistics against the values of its row group
            List<List<String>> chunks = duck.query("SELECT row_group_id, path_in_schema, stats_min_value, stats_max_value, stats_null_count,"
                    + " row_group_num_rows FROM parquet_metadata('" + file + "') WHERE path_in_schema IN"
                    + " ('id', 'code', 'unique_text', 'spread', 'amount', 'flag') ORDER BY row_group_id, path_in_schema");
            long firstRow = 0;
            int rowGroup = -1;
            for (List<String> chunk : chunks) {
                if (Integer.parseInt(chunk.get(0)) != rowGroup) {
                    if (rowGroup >= 0) {
                        firstRow += Long.parseLong(chunks.get(chunks.indexOf(chunk) - 1).get(5));
                    }
                    rowGroup = Integer.parseInt(chunk.get(0));
                }
                String column = chunk.get(1);
                List<String> actual = duck.query("SELECT min(" + column + ")::VARCHAR, max(" + column + ")::VARCHAR, count(*) - count("
                        + column + ") FROM (SELECT * FROM read_parquet('" + file + "') LIMIT " + chunk.get(5) + " OFFSET " + firstRow + ")").get(0);
                assertEquals(actual, List.of(chunk.get(2), chunk.get(3), chunk.get(4)), "statistics of " + column + " in row group " + rowGroup);
            }
        }
    }

    private static ObjectNode record(int i) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode record = nodes.objectNode().put("id", (long) i);
        if (i % 7 != 0) {
            record.put("code", "code-" + (i % 13)); // a dictionary that pays
        }
        record.put("unique_text", String.format("u-%08d-é", RECORDS - i)); // all distinct: no dictionary
        // repeats pay on the first page; ~170 entries of ~10 bytes per row group outgrow the 1 KiB dictionary page halfway
        record.put("spread", "s" + i / 20);
        if (i % 2 == 0) {
            record.put("amount", i % 5 == 0 ? -0.0 : (i % 11) * 1.5 - 3);
        } else {
            record.put("amount", BigDecimal.valueOf(i % 100_000 - 500, 2)); // a decimal, as sources that keep amounts exact emit
        }
        if (i % 3 != 0) {
            record.put("flag", i % 2 == 0);
        }
        if (i % 4 != 0) {
            var tags = record.putArray("tags");
            for (int t = 0; t < i % 4; t++) {
                if (t == 1 && i % 8 == 1) {
                    tags.addNull();
                } else {
                    tags.add("t" + t);
                }
            }
        }
        if (i % 5 != 1) {
            ObjectNode nested = record.putObject("nested");
            nested.put("big", i % 9 == 0 ? Long.MIN_VALUE + i : (long) i * 1_000_003L);
            if (i % 6 != 0) {
                nested.putArray("scores").add(i % 10).add(i % 3);
            }
        }
        return record;
    }
}
