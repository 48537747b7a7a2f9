package io.solidafy.cdk.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The sqlite connector on a SQLite file (JDBC engine: DuckDB's sqlite extension is not installed here). */
class SqliteSourceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HOSTILE = "we\"ird; DROP TABLE victim; --";

    @TempDir
    static Path directory;
    private static Path file;

    @BeforeAll
    static void createDatabase() throws Exception {
        file = directory.resolve("app data.db");
        try (Connection db = open()) {
            TestServers.execute(db,
                    "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL, qty INT, data BLOB,"
                            + " created TEXT, flag BOOLEAN, amount NUMERIC, empty_col TEXT)",
                    "INSERT INTO items VALUES (1, 'a', 1.5, 3, X'00FF10', '2024-01-01T10:00:00Z', 1, 12.5, NULL)",
                    "INSERT INTO items VALUES (2, 'b', 2.5, 4, NULL, '2024-01-02T10:00:00Z', 0, 7, NULL)",
                    "INSERT INTO items VALUES (3, 'c', NULL, 5, NULL, '2024-01-03T10:00:00Z', 0, 8, NULL)",
                    "CREATE VIEW item_names AS SELECT id, name FROM items",
                    "CREATE TABLE victim (id INT)",
                    "CREATE TABLE \"" + HOSTILE.replace("\"", "\"\"") + "\" (\"col \"\"x\"\" name\" INT)",
                    "INSERT INTO \"" + HOSTILE.replace("\"", "\"\"") + "\" VALUES (1)");
        }
    }

    private static Connection open() throws Exception {
        return new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties());
    }

    private static ObjectNode config() {
        return MAPPER.createObjectNode().put("path", file.toString());
    }

    @Test
    void checkStreamsAndDiscover() {
        CliRun check = CliRun.classPathOnly("check", "-c", "sqlite", "--config-json", config().toString());
        assertEquals("Connection successful. Found 3 tables.", check.only("CONNECTION_STATUS").at("/connectionStatus/message").asText(),
                check.toString());
        assertTrue(check.stdout().contains("Engine: jdbc (sqlite-jdbc)"), check.toString());

        CliRun streams = CliRun.classPathOnly("streams", "-c", "sqlite", "--config-json", config().toString());
        List<String> names = new ArrayList<>();
        streams.only("STREAMS").get("streams").forEach(s -> names.add(s.asText()));
        assertEquals(List.of("items", "victim", HOSTILE), names.stream().sorted().toList());

        CliRun views = CliRun.classPathOnly("streams", "-c", "sqlite", "--config-json", config().put("include_views", true).toString());
        assertTrue(views.only("STREAMS").get("streams").toString().contains("\"item_names\""), views.toString());

        CliRun discover = CliRun.classPathOnly("discover", "-c", "sqlite", "--config-json", config().toString());
        for (JsonNode stream : discover.only("CATALOG").at("/catalog/streams")) {
            if (stream.get("name").asText().equals("items")) {
                assertEquals("[[\"id\"]]", stream.get("source_defined_primary_key").toString());
                assertEquals("[\"number\",\"null\"]", stream.at("/json_schema/properties/price/type").toString());
                assertEquals("\"string\"", stream.at("/json_schema/properties/name/type").toString());
            }
        }
    }

    @Test
    void readTypesValuesByWhatIsStored() {
        CliRun read = CliRun.classPathOnly("read", "-c", "sqlite", "--config-json", config().toString(), "-s", "items");
        List<JsonNode> rows = read.records("items");
        assertEquals(3, rows.size(), read.toString());
        JsonNode row = rows.get(0);
        assertEquals(1, row.get("id").asInt());
        assertTrue(row.get("id").isIntegralNumber());
        assertEquals(1.5, row.get("price").asDouble());
        assertEquals(Base64.getEncoder().encodeToString(new byte[] {0, (byte) 0xff, 0x10}), row.get("data").asText());
        assertEquals("2024-01-01T10:00:00Z", row.get("created").asText());
        assertEquals(12.5, row.get("amount").asDouble());
        assertTrue(row.get("empty_col").isNull());
        assertTrue(rows.get(2).get("price").isNull());
    }

    @Test
    void incrementalByTextAndIntegerCursors() throws Exception {
        for (String column : List.of("created", "id")) {
            ObjectNode config = config();
            config.putObject("cursor_fields").put("items", column);
            CliRun first = CliRun.classPathOnly("read", "-c", "sqlite", "--config-json", config.toString(), "-s", "items");
            JsonNode state = first.state().get("streams").get("items");
            CliRun second = CliRun.classPathOnly("read", "-c", "sqlite", "--config-json", config.toString(), "-s", "items",
                    "--state-json", "{\"items\": " + state + "}");
            assertEquals(List.of(3), second.records("items").stream().map(r -> r.get("id").asInt()).toList(), column + ": " + second);
        }
    }

    @Test
    void hostileNamesAndMissingFile() throws Exception {
        CliRun read = CliRun.classPathOnly("read", "-c", "sqlite", "--config-json", config().toString(), "-s", HOSTILE);
        assertEquals(1, read.records(HOSTILE).get(0).get("col \"x\" name").asInt(), read.toString());
        try (Connection db = open(); ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM victim")) {
            assertTrue(rows.next());
        }

        Path missing = directory.resolve("missing.db");
        CliRun check = CliRun.classPathOnly("check", "-c", "sqlite", "--config-json", MAPPER.createObjectNode().put("path", missing.toString()).toString());
        JsonNode status = check.only("CONNECTION_STATUS").get("connectionStatus");
        assertEquals("FAILED", status.get("status").asText());
        assertEquals("SQLite database file " + missing + " does not exist; check path.", status.get("message").asText());
        assertFalse(missing.toFile().exists(), "checking does not create the file");
    }
}
