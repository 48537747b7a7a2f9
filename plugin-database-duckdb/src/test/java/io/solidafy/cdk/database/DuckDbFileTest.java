package io.solidafy.cdk.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DuckDB database file read natively by the DuckDB engine: the DuckDB path end to end. */
class DuckDbFileTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HOSTILE = "we\"ird; DROP TABLE victim; --";

    @TempDir
    static Path directory;
    private static Path file;

    @BeforeAll
    static void createDatabase() throws Exception {
        file = directory.resolve("warehouse.duckdb");
        try (Connection db = open()) {
            TestServers.execute(db,
                    "CREATE TABLE events (id INTEGER PRIMARY KEY, happened TIMESTAMPTZ NOT NULL, day DATE, amount DECIMAL(38,10),"
                            + " big HUGEINT, tags VARCHAR[], props STRUCT(a INTEGER, b VARCHAR), bin BLOB, ok BOOLEAN,"
                            + " ts TIMESTAMP, d DOUBLE, label VARCHAR, nothing VARCHAR)",
                    "INSERT INTO events VALUES (1, '2024-01-01 10:00:00+00', '2024-02-01', 1234567890123456789012345678.0000000001,"
                            + " 170141183460469231731687303715884105727, ['x', 'y z'], {'a': 1, 'b': 'q'}, '\\x00\\xFF'::BLOB, true,"
                            + " '2024-03-01 12:00:00.5', 0.5, 'one', NULL)",
                    "INSERT INTO events VALUES (2, '2024-01-02 10:00:00+00', '2024-02-02', 2, 2, [], NULL, NULL, false,"
                            + " '2024-03-02 12:00:00', 1.5, 'two', NULL)",
                    "INSERT INTO events VALUES (3, '2024-01-03 10:00:00+00', '2024-02-03', 3, 3, NULL, NULL, NULL, NULL,"
                            + " '2024-03-03 12:00:00', 2.5, 'three', NULL)",
                    "CREATE SCHEMA other",
                    "CREATE TABLE other.things (x INTEGER)",
                    "CREATE VIEW event_labels AS SELECT id, label FROM events",
                    "CREATE TABLE victim (id INTEGER)",
                    "CREATE TABLE \"" + HOSTILE.replace("\"", "\"\"") + "\" (\"col \"\"x\"\" name\" INTEGER)",
                    "INSERT INTO \"" + HOSTILE.replace("\"", "\"\"") + "\" VALUES (1)");
        }
    }

    private static Connection open() throws Exception {
        return new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:" + file, new Properties());
    }

    private static ObjectNode config() {
        return MAPPER.createObjectNode().put("path", file.toString());
    }

    @Test
    void streamsAndDiscoverThroughDuckDb() {
        CliRun streams = CliRun.classPathOnly("streams", "-c", "sqlite", "--config-json", config().toString());
        assertTrue(streams.stdout().contains("Engine: duckdb (native file)"), streams.toString());
        List<String> names = new ArrayList<>();
        streams.only("STREAMS").get("streams").forEach(s -> names.add(s.asText()));
        assertEquals(List.of("events", "other.things", "victim", HOSTILE), names.stream().sorted().toList());

        CliRun views = CliRun.classPathOnly("streams", "-c", "sqlite", "--config-json", config().put("include_views", true).toString());
        assertTrue(views.only("STREAMS").get("streams").toString().contains("\"event_labels\""), views.toString());

        CliRun discover = CliRun.classPathOnly("discover", "-c", "sqlite", "--config-json", config().toString());
        for (JsonNode stream : discover.only("CATALOG").at("/catalog/streams")) {
            if (stream.get("name").asText().equals("events")) {
                assertEquals("[[\"id\"]]", stream.get("source_defined_primary_key").toString(), discover.toString());
                JsonNode properties = stream.at("/json_schema/properties");
                assertEquals("\"integer\"", properties.at("/id/type").toString());
                assertEquals("date-time", properties.at("/happened/format").asText());
                assertEquals("[\"array\",\"null\"]", properties.at("/tags/type").toString());
                assertEquals("[\"integer\",\"null\"]", properties.at("/big/type").toString());
                return;
            }
        }
        throw new AssertionError("events not discovered: " + discover);
    }

    @Test
    void readMapsDuckDbTypes() throws Exception {
        CliRun read = CliRun.classPathOnly("read", "-c", "sqlite", "--config-json", config().toString(), "-s", "events");
        List<JsonNode> rows = read.records("events");
        assertEquals(3, rows.size(), read.toString());
        JsonNode row = rows.get(0);
        assertEquals("2024-01-01T10:00:00Z", row.get("happened").asText());
        assertEquals("2024-02-01", row.get("day").asText());
        assertTrue(read.stdout().contains("\"amount\":1234567890123456789012345678.0000000001,"), read.stdout());
        assertTrue(read.stdout().contains("\"big\":170141183460469231731687303715884105727,"), read.stdout());
        assertEquals("[\"x\",\"y z\"]", row.get("tags").toString());
        assertEquals(MAPPER.readTree("{\"a\":1,\"b\":\"q\"}"), row.get("props"));
        assertEquals(Base64.getEncoder().encodeToString(new byte[] {0, (byte) 0xff}), row.get("bin").asText());
        assertTrue(row.get("ok").asBoolean());
        assertEquals("2024-03-01T12:00:00.5", row.get("ts").asText());
        assertEquals(0.5, row.get("d").asDouble());
        assertTrue(row.get("nothing").isNull());
        assertEquals("[]", rows.get(1).get("tags").toString());
        assertTrue(rows.get(2).get("tags").isNull());
    }

    @Test
    void incrementalThroughDuckDbForEveryCursorType() {
        for (String column : List.of("id", "happened", "day", "amount", "ts", "d", "label")) {
            ObjectNode config = config();
            config.putObject("cursor_fields").put("events", column);
            CliRun first = CliRun.classPathOnly("read", "-c", "sqlite", "--config-json", config.toString(), "-s", "events");
            assertEquals(3, first.records("events").size(), column + ": " + first);
            JsonNode state = first.state().get("streams").get("events");
            CliRun second = CliRun.classPathOnly("read", "-c", "sqlite", "--config-json", config.toString(), "-s", "events",
                    "--state-json", "{\"events\": " + state + "}");
            List<JsonNode> again = second.records("events");
            // label sorts as text: "two" is the largest
            int expected = column.equals("label") ? 2 : column.equals("amount") ? 1 : 3;
            assertEquals(1, again.size(), column + ": " + second);
            assertEquals(expected, again.get(0).get("id").asInt(), column + ": " + second);
        }
    }

    @Test
    void hostileNamesAreQuotedAndJdbcEngineIsRefusedForDuckDbFiles() throws Exception {
        CliRun read = CliRun.classPathOnly("read", "-c", "sqlite", "--config-json", config().toString(), "-s", HOSTILE);
        assertEquals(1, read.records(HOSTILE).get(0).get("col \"x\" name").asInt(), read.toString());
        try (Connection db = open(); ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM victim")) {
            assertTrue(rows.next());
        }
        CliRun jdbc = CliRun.classPathOnly("check", "-c", "sqlite", "--config-json", config().put("engine", "jdbc").toString());
        assertEquals("A DuckDB file can only be read with engine 'duckdb' or 'auto', not 'jdbc'.",
                jdbc.only("CONNECTION_STATUS").at("/connectionStatus/message").asText());
    }
}
