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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.format.ColumnIndex;
import org.apache.parquet.format.PageLocation;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.internal.hadoop.metadata.IndexReference;
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
        String file = writeRecords();
        List<JsonNode> expected = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            expected.add(Json.normalize(record(i)));
        }
        try (Duck duck = new Duck()) {
            assertTrue(Integer.parseInt(duck.single("SELECT max(row_group_id) FROM parquet_metadata('" + file + "')")) > 3,
                    "several row groups");
            assertEquals("[[code, BIT_PACKED,PLAIN_DICTIONARY,RLE], [spread, BIT_PACKED,PLAIN,PLAIN_DICTIONARY,RLE], [unique_text, BIT_PACKED,PLAIN,RLE]]",
                    duck.query("SELECT path_in_schema, string_agg(DISTINCT e, ',' ORDER BY e) FROM (SELECT path_in_schema,"
                            + " unnest(string_split(encodings, ', ')) e FROM parquet_metadata('" + file + "')) WHERE path_in_schema IN"
                            + " ('code', 'spread', 'unique_text') GROUP BY ALL ORDER BY 1").toString(),
                    "a dictionary column, one whose dictionary outgrows the dictionary page (PLAIN pages after it), and a column whose"
                            + " values are all different, written plain");
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

    /**
     * Uncompressed pages, which Parquet's page store takes as the encoder hands them over (every
     * page is assembled in one shared buffer): every value still reads back.
     */
    @Test
    void uncompressedPagesReadBack() throws Exception {
        String file = writeRecords("none");
        try (Duck duck = new Duck()) {
            assertEquals("[[UNCOMPRESSED]]", duck.query("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')").toString());
            List<JsonNode> rows = duck.rows(file, "id");
            assertEquals(RECORDS, rows.size());
            for (int i = 0; i < RECORDS; i++) {
                assertEquals(Json.normalize(record(i)), Json.normalize(rows.get(i)), "record " + i);
            }
        }
    }

    /**
     * Every page's statistics in the page index (column index and offset index, read by Parquet's
     * own structures; readers use them to skip pages) against the values of the rows the page holds:
     * dictionary pages (whose statistics compare each distinct value once per page), PLAIN pages
     * after a dictionary fell back, plain columns, longs and doubles.
     */
    @Test
    void everyPagesStatisticsInThePageIndexMatchItsRows() throws Exception {
        String file = writeRecords();
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(record(i));
        }
        int pagesChecked = 0;
        byte[] bytes = Files.readAllBytes(Path.of(file));
        int footerLength = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ParquetMetadata footer = new ParquetMetadataConverter().readParquetMetadata(
                new ByteArrayInputStream(bytes, bytes.length - 8 - footerLength, footerLength), ParquetMetadataConverter.NO_FILTER);
        long firstRow = 0;
        for (BlockMetaData rowGroup : footer.getBlocks()) {
            for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
                String column = chunk.getPath().toDotString();
                if (!List.of("id", "code", "spread", "unique_text", "amount").contains(column)) {
                    continue;
                }
                ColumnIndex index = Util.readColumnIndex(slice(bytes, chunk.getColumnIndexReference()));
                List<PageLocation> pages = Util.readOffsetIndex(slice(bytes, chunk.getOffsetIndexReference())).getPage_locations();
                for (int page = 0; page < pages.size(); page++) {
                    long from = firstRow + pages.get(page).getFirst_row_index();
                    long to = firstRow + (page + 1 < pages.size() ? pages.get(page + 1).getFirst_row_index() : rowGroup.getRowCount()) - 1;
                    List<JsonNode> values = new ArrayList<>();
                    for (long row = from; row <= to; row++) {
                        JsonNode value = records.get((int) row).get(column);
                        if (value != null && !value.isNull()) {
                            values.add(value);
                        }
                    }
                    String where = column + " page " + page + " (rows " + from + "-" + to + ")";
                    assertEquals(to - from + 1 - values.size(), index.getNull_counts().get(page), "nulls of " + where);
                    if (values.isEmpty()) {
                        assertTrue(index.getNull_pages().get(page), where);
                        continue;
                    }
                    assertEquals(bound(values, -1), decode(chunk, index.getMin_values().get(page)), "min of " + where);
                    assertEquals(bound(values, 1), decode(chunk, index.getMax_values().get(page)), "max of " + where);
                    pagesChecked++;
                }
            }
            firstRow += rowGroup.getRowCount();
        }
        assertTrue(pagesChecked > 100, "pages checked: " + pagesChecked);
    }

    private static ByteArrayInputStream slice(byte[] file, IndexReference reference) {
        return new ByteArrayInputStream(file, (int) reference.getOffset(), reference.getLength());
    }

    /** The least ({@code sign} -1) or greatest (1) value: numbers by value, strings by their UTF-8 bytes, unsigned. */
    private static String bound(List<JsonNode> values, int sign) {
        JsonNode best = values.get(0);
        for (JsonNode v : values) {
            int c = v.isTextual()
                    ? Arrays.compareUnsigned(v.textValue().getBytes(StandardCharsets.UTF_8), best.textValue().getBytes(StandardCharsets.UTF_8))
                    : v.isIntegralNumber() && best.isIntegralNumber() ? Long.compare(v.longValue(), best.longValue())
                    : Double.compare(v.doubleValue(), best.doubleValue());
            if (c * sign > 0) {
                best = v;
            }
        }
        return best.isTextual() ? best.textValue() : best.isIntegralNumber() ? Long.toString(best.longValue()) : Double.toString(best.doubleValue());
    }

    private static String decode(ColumnChunkMetaData chunk, ByteBuffer bytes) {
        ByteBuffer value = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return switch (chunk.getPrimitiveType().getPrimitiveTypeName()) {
            case INT64 -> Long.toString(value.getLong(0));
            case DOUBLE -> Double.toString(value.getDouble(0));
            default -> StandardCharsets.UTF_8.decode(value).toString();
        };
    }

    /** The records written through the sink in one part, with small pages and row groups; returns the file. */
    private String writeRecords() throws IOException {
        return writeRecords("zstd");
    }

    private String writeRecords(String compression) throws IOException {
        Path out = tmp.resolve("out");
        ObjectStorage storage = new DirectoryStorage(out);
        ObjectNode options = JsonNodeFactory.instance.objectNode().put("page_size", "1k").put("row_group_size", "64k")
                .put("compression", compression);
        StreamWriter writer = new ParquetSinkFactory().open(new SinkRequest("parquet", Optional.of(storage), options, Instant.now(),
                (level, message) -> {})).openStream(StreamDescriptor.named("pages"));
        for (int i = 0; i < RECORDS; i++) {
            writer.write(record(i), 0);
        }
        List<String> files = writer.commit();
        assertEquals(1, files.size(), files.toString());
        return files.get(0);
    }


    private static ObjectNode record(int i) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode record = nodes.objectNode().put("id", (long) i);
        if (i % 7 != 0) {
            record.put("code", "code-" + (i % 13)); // a dictionary that pays
        }
        // all distinct: no dictionary; descending, so each value is a new page min; 13 to 41 bytes long
        record.put("unique_text", String.format("u-%08d-é", RECORDS - i) + "~".repeat(i * 7 % 29));
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
