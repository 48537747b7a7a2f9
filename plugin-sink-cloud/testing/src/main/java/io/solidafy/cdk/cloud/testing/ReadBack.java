package io.solidafy.cdk.cloud.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/** Compares Parquet files, read by DuckDB, with the RECORD lines of a JSON run, one record at a time (bounded memory). */
public final class ReadBack {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** @return the number of records compared */
    public static long assertSameRecords(Path parquetDir, Path jsonRun, String stream) throws Exception {
        long compared = 0;
        try (Connection duck = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement statement = duck.createStatement();
                ResultSet rows = statement.executeQuery("SELECT to_json(t)::VARCHAR FROM read_parquet('" + parquetDir
                        + "/**/*.parquet', union_by_name=true, hive_partitioning=false) t ORDER BY id");
                BufferedReader lines = Files.newBufferedReader(jsonRun, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode message = MAPPER.readTree(line);
                if (!"RECORD".equals(message.path("type").asText()) || !stream.equals(message.at("/record/stream").asText())) {
                    continue;
                }
                assertFalse(!rows.next(), "fewer rows in Parquet than records; record " + (compared + 1) + " is missing");
                assertEquals(normalize(message.at("/record/data")), normalize(MAPPER.readTree(rows.getString(1))), "record " + (compared + 1));
                compared++;
            }
            assertFalse(rows.next(), "more rows in Parquet than records");
        }
        return compared;
    }

    /** Drops nulls (Parquet cannot tell absent from null) and compares numbers by value (1 and 1.0 are equal). */
    static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getValue().isNull()) {
                    out.set(e.getKey(), normalize(e.getValue()));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(normalize(item)));
            return out;
        }
        if (node.isNumber()) {
            return JsonNodeFactory.instance.numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }

    private ReadBack() {}
}
