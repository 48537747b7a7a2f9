package io.solidafy.cdk.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writes awkward records through the real CLI and reads them back with DuckDB, value by value. */
class RoundTripTest {

    /** Nested objects, arrays of objects, nulls, types changing across records, unicode, big numbers, empty objects. */
    static final String RECORDS = """
            [
             {"id":1,"name":"Zoë 🎉 世界","price":10,"big":9007199254740993,"huge":123456789012345678901234567890,
              "nested":{"a":1,"b":{"c":"x"}},"items":[{"sku":"a","qty":1},{"sku":"b","qty":2,"extra":null}],
              "tags":["x","y"],"empty":{},"nothing":null,"mixed":{"k":1},"code":"A1","flag":true},
             {"id":2,"name":"plain","price":10.5,"big":-9007199254740993,"nested":{"a":2,"b":{"c":"y","d":[1,2]}},
              "items":[],"tags":[],"empty":{},"nothing":null,"mixed":"now a string","code":12,"flag":false,"late":"new field"},
             {"id":3,"name":null,"price":null,"nested":null,"items":[{"sku":"c","qty":3.5}],"tags":["z",null],
              "empty":{"now":"filled"},"mixed":[1,"two",{"three":3}],"code":{"a":1},"late":null,"only_nulls":[null]},
             {"id":4,"name":"line\\nbreak \\"quoted\\" \\\\ back","price":-0.001,"big":42,"nested":{"a":3},
              "items":[{"sku":"d","qty":4,"opts":{"gift":true}}],"tags":null,"empty":{},"mixed":123,"flag":null,
              "deep":{"l1":{"l2":{"l3":[[1,2],[3]]}}}},
             {"id":5}
            ]""";

    @TempDir
    Path tmp;

    /** {@code infer_records=1} forces a new part at every widening; the default infers over all five records. */
    @ParameterizedTest
    @ValueSource(ints = {1000, 1})
    void everyValueSurvivesTheRoundTrip(int inferRecords) throws Exception {
        Path out = tmp.resolve("out");
        CliRun result = CliRun.withPlugins(tmp.resolve("plugins"), "read", "--connector", "fixture", "--config-json",
                "{\"records\":" + RECORDS + "}", "--format", "parquet", "--output", out.toString(),
                "--sink-option", "infer_records=" + inferRecords);
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode stream = result.summaryStream(FixturePlugin.STREAM);
        assertEquals("SUCCESS", stream.get("status").asText(), stream.toString());

        List<String> files = new ArrayList<>();
        stream.get("output_files").forEach(f -> files.add(f.asText()));
        assertEquals(files.get(0), stream.get("output_file").asText());
        if (inferRecords == 1) {
            assertTrue(files.size() > 1, "each widening starts a new part: " + files);
        } else {
            assertEquals(1, files.size(), files.toString());
        }
        Path partition = out.resolve("shop_items").resolve("dt=" + LocalDate.now(ZoneOffset.UTC));
        for (String file : files) {
            assertEquals(partition, Path.of(file).getParent());
            assertTrue(Path.of(file).getFileName().toString().matches("part-\\d{8}T\\d{6}Z-[0-9a-f]{12}-\\d{5}\\.parquet"), file);
        }
        try (Stream<Path> listing = Files.list(partition)) {
            assertEquals(files.size(), listing.count(), "no staging file is left behind");
        }

        List<JsonNode> expected = new ArrayList<>();
        for (JsonNode record : Json.parse(RECORDS)) {
            expected.add(expectedRow(record));
        }
        List<JsonNode> actual = new ArrayList<>();
        try (Duck duck = new Duck()) {
            for (JsonNode row : duck.rows(partition + "/*.parquet", "id")) {
                actual.add(Json.normalize(row));
            }
        }
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "record " + (i + 1));
        }
    }

    /** Past the inference buffer, records travel to the encoder shredded on a tape: same values. */
    @Test
    void recordsAfterTheInferenceBufferSurviveToo() throws Exception {
        ArrayNode templates = array(RECORDS);
        ArrayNode records = Json.MAPPER.createArrayNode();
        for (int i = 0; i < 3000; i++) {
            ObjectNode record = ((ObjectNode) templates.get(i % templates.size())).deepCopy();
            record.put("id", i);
            records.add(record);
        }
        Path out = tmp.resolve("out");
        CliRun result = CliRun.withPlugins(tmp.resolve("plugins"), "read", "-c", "fixture", "--config-json", "{\"records\":" + records + "}",
                "-f", "parquet", "-o", out.toString(), "--sink-option", "infer_records=500");
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(1, result.summaryStream(FixturePlugin.STREAM).get("output_files").size(), "the first 500 records cover every type");
        String file = result.summaryStream(FixturePlugin.STREAM).get("output_file").asText();
        try (Duck duck = new Duck()) {
            assertEquals("1", duck.query("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')").get(0).get(0),
                    "far below row_group_size: one row group");
            List<JsonNode> rows = duck.rows(file, "id");
            assertEquals(3000, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(expectedRow(records.get(i)), Json.normalize(rows.get(i)), "record " + i);
            }
        }
    }

    /**
     * Wide records (more leaf columns than RowGroupWriter.COLUMN_MAJOR_FROM) are written a batch at
     * a time column by column, over several row groups: same values, same order.
     */
    @Test
    void wideRecordsSurviveColumnByColumnWritingAcrossRowGroups() throws Exception {
        ArrayNode templates = array(RECORDS);
        ArrayNode records = Json.MAPPER.createArrayNode();
        for (int i = 0; i < 3000; i++) {
            ObjectNode record = ((ObjectNode) templates.get(i % templates.size())).deepCopy();
            record.put("id", i);
            for (int f = 0; f < 40; f++) {
                if ((i + f) % 7 == 0) {
                    record.putNull("f" + f);
                    continue;
                }
                switch (f % 3) { // one type per field
                    case 0 -> record.put("f" + f, "text " + i + " " + f);
                    case 1 -> record.put("f" + f, (long) i * f);
                    default -> record.putArray("f" + f).add(i).add(f);
                }
            }
            records.add(record);
        }
        Path out = tmp.resolve("out");
        CliRun result = CliRun.withPlugins(tmp.resolve("plugins"), "read", "-c", "fixture", "--config-json", "{\"records\":" + records + "}",
                "-f", "parquet", "-o", out.toString(), "--sink-option", "row_group_size=64k");
        assertEquals(0, result.exitCode(), result.stderr());
        String file = result.summaryStream(FixturePlugin.STREAM).get("output_file").asText();
        try (Duck duck = new Duck()) {
            int rowGroups = Integer.parseInt(duck.query("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')").get(0).get(0));
            assertTrue(rowGroups > 1, "several row groups: " + rowGroups);
            List<JsonNode> rows = duck.rows(file, "id");
            assertEquals(3000, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(expectedRow(records.get(i)), Json.normalize(rows.get(i)), "record " + i);
            }
        }
    }

    /** A record of {@link #RECORDS} as read back: 'code' started as a string column, so later non-strings keep their JSON text in it. */
    private static JsonNode expectedRow(JsonNode record) {
        ObjectNode copy = record.deepCopy();
        JsonNode code = copy.get("code");
        if (code != null && !code.isNull() && !code.isTextual()) {
            copy.set("code", TextNode.valueOf(code.toString()));
        }
        return Json.normalize(copy);
    }

    @Test
    void columnsAreTypedFromTheRecords() throws Exception {
        Path out = tmp.resolve("out");
        CliRun result = CliRun.withPlugins(tmp.resolve("plugins"), "read", "-c", "fixture", "--config-json", "{\"records\":" + RECORDS + "}",
                "-f", "parquet", "-o", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        String file = result.summaryStream(FixturePlugin.STREAM).get("output_file").asText();
        try (Duck duck = new Duck()) {
            List<List<String>> columns = duck.query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('" + file + "'))");
            ObjectNode types = Json.MAPPER.createObjectNode();
            columns.forEach(c -> types.put(c.get(0), c.get(1)));
            assertEquals("BIGINT", types.get("id").asText());
            assertEquals("DOUBLE", types.get("price").asText());
            assertEquals("BIGINT", types.get("big").asText());
            assertEquals("JSON", types.get("huge").asText());
            assertEquals("STRUCT(a BIGINT, b STRUCT(c VARCHAR, d BIGINT[]))", types.get("nested").asText());
            assertEquals("STRUCT(sku VARCHAR, qty DOUBLE, opts STRUCT(gift BOOLEAN))[]", types.get("items").asText());
            assertEquals("VARCHAR[]", types.get("tags").asText());
            assertEquals("STRUCT(now VARCHAR)", types.get("empty").asText());
            assertEquals("JSON", types.get("mixed").asText());
            assertEquals("VARCHAR", types.get("code").asText());
            assertEquals("BOOLEAN", types.get("flag").asText());
            assertTrue(!types.has("nothing"), "an all-null field gets no column: " + types);
        }
    }

    @Test
    void aJsonSchemaTypesColumnsBeforeAnyRecord() throws Exception {
        String schema = """
                {"type":"object","properties":{"id":{"type":"integer"},"amount":{"type":["null","number"]},
                 "created_at":{"type":"string","format":"date-time"},"label":{"type":"string"}}}""";
        Path out = tmp.resolve("out");
        CliRun result = CliRun.withPlugins(tmp.resolve("plugins"), "read", "-c", "fixture", "--config-json",
                "{\"schema\":" + schema + ",\"records\":[{\"id\":1,\"amount\":5,\"created_at\":\"2025-12-14T10:00:00+02:00\"},"
                        + "{\"id\":2,\"amount\":7}]}",
                "-f", "parquet", "-o", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        String file = result.summaryStream(FixturePlugin.STREAM).get("output_file").asText();
        try (Duck duck = new Duck()) {
            assertEquals("DOUBLE", duck.single("SELECT typeof(amount) FROM read_parquet('" + file + "') LIMIT 1"));
            assertEquals("VARCHAR", duck.single("SELECT typeof(label) FROM read_parquet('" + file + "') LIMIT 1"));
            assertEquals("2025-12-14T10:00:00+02:00", duck.single("SELECT created_at FROM read_parquet('" + file + "') WHERE id = 1"));
        }
    }

    @Test
    void recordsWithoutAnyValueStillCount() throws Exception {
        Path out = tmp.resolve("out");
        CliRun result = CliRun.withPlugins(tmp.resolve("plugins"), "read", "-c", "fixture", "--config-json",
                "{\"records\":[{},{\"a\":null},{}]}", "-f", "parquet", "-o", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        String file = result.summaryStream(FixturePlugin.STREAM).get("output_file").asText();
        try (Duck duck = new Duck()) {
            assertEquals("3", duck.single("SELECT count(*) FROM read_parquet('" + file + "')"));
            assertEquals("{\"a\":null}", duck.single("SELECT _record FROM read_parquet('" + file + "') WHERE _record::VARCHAR LIKE '%a%'"));
        }
    }

    @Test
    void awkwardFieldNamesBecomeColumnsAsTheyAre() throws Exception {
        String records = "[{\"id\":1,\"a.b\":2,\"with space\":\"x\",\"ümlaut\":true,\"n\":{\"x.y\":[{\"k\":1}]},\"m\":{\"\":\"empty key\"}}]";
        Path out = tmp.resolve("out");
        CliRun result = CliRun.withPlugins(tmp.resolve("plugins"), "read", "-c", "fixture", "--config-json", "{\"records\":" + records + "}",
                "-f", "parquet", "-o", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("SUCCESS", result.summaryStream(FixturePlugin.STREAM).get("status").asText(), result.summaryStream(FixturePlugin.STREAM).toString());
        try (Duck duck = new Duck()) {
            String file = result.summaryStream(FixturePlugin.STREAM).get("output_file").asText();
            JsonNode row = duck.rows(file, "id").get(0);
            assertEquals(Json.normalize(Json.parse(records).get(0)), Json.normalize(row));
            assertEquals("JSON", duck.single("SELECT typeof(m) FROM read_parquet('" + file + "')"),
                    "an object with an empty key is kept as JSON text: readers cannot bind an unnamed struct field");
        }
    }

    @Test
    void anEmptyStreamWritesNoFile() throws Exception {
        Path out = tmp.resolve("out");
        CliRun result = CliRun.withPlugins(tmp.resolve("plugins"), "read", "-c", "fixture", "--config-json", "{\"records\":[]}",
                "-f", "parquet", "-o", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode stream = result.summaryStream(FixturePlugin.STREAM);
        assertEquals("SUCCESS", stream.get("status").asText());
        assertTrue(!stream.has("output_file"), stream.toString());
        assertTrue(!Files.exists(out.resolve("shop_items")));
    }

    static ArrayNode array(String json) {
        return (ArrayNode) Json.parse(json);
    }
}
