package io.solidafy.cdk.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mysql connector (alias mariadb) against the machine's MariaDB, through the real CLI. */
class MysqlSourceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HOSTILE = "we`ird\"; DROP TABLE victim; --";
    private static String database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = TestServers.uniqueName("sdb_my");
        try (Connection admin = TestServers.mysql(TestServers.MY_ADMIN_DB)) {
            TestServers.execute(admin, "CREATE DATABASE " + database);
        }
        try (Connection db = TestServers.mysql(database)) {
            TestServers.execute(db,
                    "CREATE TABLE all_types (id INT PRIMARY KEY, tiny TINYINT, flag TINYINT(1), big BIGINT,"
                            + " ubig BIGINT UNSIGNED, num DECIMAL(40,20), r FLOAT, d DOUBLE, vc VARCHAR(20), t TEXT, dt DATE,"
                            + " dtm DATETIME(6), ts TIMESTAMP(3) NULL, tm TIME, j JSON, bl BLOB, yr YEAR, nothing VARCHAR(5))",
                    "INSERT INTO all_types VALUES (1, -5, 1, 9007199254740993, 18446744073709551615,"
                            + " 12345678901234567890.12345678901234567890, 1.5, 2.25, 'héllo', 'text \"q\"', '2024-12-15',"
                            + " '2024-12-15 10:30:00.123456', '2024-12-15 10:30:00.500', '08:15:00', '{\"a\": [1, 2]}',"
                            + " X'00FF10', 2024, NULL)",
                    "CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, created_at DATETIME(3) NOT NULL,"
                            + " amount DECIMAL(30,10) NOT NULL, code VARCHAR(20) NOT NULL)",
                    "CREATE VIEW order_codes AS SELECT id, code FROM orders",
                    "CREATE TABLE victim (id INT)",
                    "CREATE TABLE `" + HOSTILE.replace("`", "``") + "` (`col ``x`` name` INT, `select` TEXT)",
                    "INSERT INTO `" + HOSTILE.replace("`", "``") + "` VALUES (1, 'drop'), (2, NULL)");
            for (int i = 1; i <= 4; i++) {
                TestServers.execute(db, "INSERT INTO orders (created_at, amount, code) VALUES ('2024-01-0" + i
                        + " 10:00:00.250', 1000000000000000000" + i + ".0000000001, 'code-" + i + "')");
            }
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        try (Connection admin = TestServers.mysql(TestServers.MY_ADMIN_DB)) {
            TestServers.execute(admin, "DROP DATABASE IF EXISTS " + database);
        }
    }

    static ObjectNode config() {
        return TestServers.config(DatabaseKind.MYSQL, database);
    }

    @Test
    void checkAndStreamsNameTablesAfterTheirDatabase() {
        CliRun check = CliRun.classPathOnly("check", "-c", "mariadb", "--config-json", config().toString());
        JsonNode status = check.only("CONNECTION_STATUS").get("connectionStatus");
        assertEquals("SUCCEEDED", status.get("status").asText(), check.toString());
        assertEquals("Connection successful. Found 4 tables.", status.get("message").asText());

        CliRun streams = CliRun.classPathOnly("streams", "-c", "mysql", "--config-json", config().toString());
        List<String> names = new ArrayList<>();
        streams.only("STREAMS").get("streams").forEach(s -> names.add(s.asText()));
        assertEquals(List.of(database + ".all_types", database + ".orders", database + ".victim", database + "." + HOSTILE),
                names.stream().sorted().toList(), streams.toString());

        CliRun withViews = CliRun.classPathOnly("streams", "-c", "mysql", "--config-json", config().put("include_views", true).toString());
        assertTrue(withViews.only("STREAMS").get("streams").toString().contains(database + ".order_codes"), withViews.toString());
    }

    @Test
    void databaseNamesWithSpacesAndSymbolsWork() throws Exception {
        String odd = database + " a?b#c";
        try (Connection admin = TestServers.mysql(TestServers.MY_ADMIN_DB)) {
            TestServers.execute(admin, "CREATE DATABASE `" + odd + "`", "CREATE TABLE `" + odd + "`.t (id INT)");
        }
        try {
            CliRun streams = CliRun.classPathOnly("streams", "-c", "mysql", "--config-json", config().put("database", odd).toString());
            assertEquals("[\"" + odd + ".t\"]", streams.only("STREAMS").get("streams").toString(), streams.toString());
            String encoded = java.net.URLEncoder.encode(odd, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
            ObjectNode viaString = MAPPER.createObjectNode().put("connection_string", "mysql://" + TestServers.MY_USER
                    + (TestServers.MY_PASSWORD.isEmpty() ? "" : ":" + TestServers.MY_PASSWORD) + "@" + TestServers.MY_HOST + ":"
                    + TestServers.MY_PORT + "/" + encoded);
            CliRun check = CliRun.classPathOnly("check", "-c", "mysql", "--config-json", viaString.toString());
            assertEquals("Connection successful. Found 1 tables.", check.only("CONNECTION_STATUS").at("/connectionStatus/message").asText(),
                    check.toString());
        } finally {
            try (Connection admin = TestServers.mysql(TestServers.MY_ADMIN_DB)) {
                TestServers.execute(admin, "DROP DATABASE IF EXISTS `" + odd + "`");
            }
        }
    }

    @Test
    void withoutDatabaseEveryNonSystemDatabaseIsListed() {
        ObjectNode config = config();
        config.remove("database");
        CliRun streams = CliRun.classPathOnly("streams", "-c", "mysql", "--config-json", config.toString());
        List<String> names = new ArrayList<>();
        streams.only("STREAMS").get("streams").forEach(s -> names.add(s.asText()));
        assertTrue(names.contains(database + ".orders"), streams.toString());
        for (String system : List.of("mysql.", "information_schema.", "performance_schema.", "sys.")) {
            assertTrue(names.stream().noneMatch(n -> n.startsWith(system)), system + " excluded: " + names);
        }
    }

    @Test
    void discoverFindsPrimaryKeyAndTypes() {
        CliRun discover = CliRun.classPathOnly("discover", "-c", "mysql", "--config-json", config().toString());
        for (JsonNode stream : discover.only("CATALOG").at("/catalog/streams")) {
            if (stream.get("name").asText().equals(database + ".all_types")) {
                assertEquals("[[\"id\"]]", stream.get("source_defined_primary_key").toString());
                JsonNode properties = stream.at("/json_schema/properties");
                assertEquals("[\"integer\",\"null\"]", properties.at("/ubig/type").toString());
                assertEquals("[\"boolean\",\"null\"]", properties.at("/flag/type").toString());
                assertEquals("[\"number\",\"null\"]", properties.at("/num/type").toString());
                assertEquals("date-time", properties.at("/dtm/format").asText());
                return;
            }
        }
        throw new AssertionError("all_types not discovered: " + discover);
    }

    @Test
    void readMapsEveryType() throws Exception {
        CliRun read = CliRun.classPathOnly("read", "-c", "mysql", "--config-json", config().toString(), "-s", database + ".all_types");
        assertEquals("SUCCEEDED", read.summary().get("status").asText(), read.toString());
        JsonNode row = read.records(database + ".all_types").get(0);
        assertEquals(-5, row.get("tiny").asInt());
        assertTrue(row.get("flag").isBoolean() && row.get("flag").asBoolean(), row.toString());
        assertEquals("9007199254740993", row.get("big").toString());
        assertEquals("18446744073709551615", row.get("ubig").toString());
        assertTrue(read.stdout().contains("\"num\":12345678901234567890.12345678901234567890,"), read.stdout());
        assertEquals(1.5, row.get("r").asDouble());
        assertEquals(2.25, row.get("d").asDouble());
        assertEquals("héllo", row.get("vc").asText());
        assertEquals("text \"q\"", row.get("t").asText());
        assertEquals("2024-12-15", row.get("dt").asText());
        assertEquals("2024-12-15T10:30:00.123456", row.get("dtm").asText());
        assertEquals("2024-12-15T10:30:00.5", row.get("ts").asText());
        assertEquals("08:15:00", row.get("tm").asText());
        assertEquals(Base64.getEncoder().encodeToString(new byte[] {0, (byte) 0xff, 0x10}), row.get("bl").asText());
        assertEquals(2024, row.get("yr").asInt());
        assertTrue(row.get("nothing").isNull());
        // MariaDB stores JSON as LONGTEXT: it arrives as the document's text (MySQL's JSON type arrives nested)
        JsonNode json = row.get("j");
        assertEquals(MAPPER.readTree("{\"a\": [1, 2]}"), json.isTextual() ? MAPPER.readTree(json.asText()) : json);
    }

    @Test
    void incrementalReadKeepsBoundaryRowsForEveryCursorType() throws Exception {
        for (String column : List.of("id", "created_at", "amount", "code")) {
            ObjectNode config = config();
            config.putObject("cursor_fields").put(database + ".orders", column);
            String stream = database + ".orders";
            CliRun first = CliRun.classPathOnly("read", "-c", "mysql", "--config-json", config.toString(), "-s", stream);
            assertEquals(4, first.records(stream).size(), first.toString());
            JsonNode state = first.state().get("streams").get(stream);
            CliRun second = CliRun.classPathOnly("read", "-c", "mysql", "--config-json", config.toString(), "-s", stream,
                    "--state-json", "{\"" + stream + "\": " + state + "}");
            List<JsonNode> again = second.records(stream);
            assertEquals(1, again.size(), column + ": " + second);
            assertEquals(4, again.get(0).get("id").asInt(), column);
        }
        try (Connection db = TestServers.mysql(database)) {
            TestServers.execute(db, "INSERT INTO orders (created_at, amount, code) VALUES ('2024-01-04 10:00:00.250', 1, 'late'),"
                    + " ('2024-01-05 00:00:00', 2, 'new'), ('2023-01-01 00:00:00', 3, 'old')");
        }
        ObjectNode config = config();
        config.putObject("cursor_fields").put(database + ".orders", "created_at");
        CliRun third = CliRun.classPathOnly("read", "-c", "mysql", "--config-json", config.toString(), "-s", database + ".orders",
                "--state-json", "{\"" + database + ".orders\": {\"cursor\": \"2024-01-04T10:00:00.25\"}}");
        List<String> codes = third.records(database + ".orders").stream().map(r -> r.get("code").asText()).sorted().toList();
        assertEquals(List.of("code-4", "late", "new"), codes, third.toString());
        assertEquals("2024-01-05T00:00:00", third.state().get("streams").at("/" + database + ".orders/cursor").asText());
        try (Connection db = TestServers.mysql(database)) {
            TestServers.execute(db, "DELETE FROM orders WHERE code IN ('late', 'new', 'old')");
        }
    }

    @Test
    void hostileNamesAreQuoted() throws Exception {
        String stream = database + "." + HOSTILE;
        CliRun read = CliRun.classPathOnly("read", "-c", "mysql", "--config-json", config().toString(), "-s", stream);
        assertEquals("SUCCEEDED", read.summary().get("status").asText(), read.toString());
        assertEquals(2, read.records(stream).size());
        assertEquals(1, read.records(stream).get(0).get("col `x` name").asInt());
        try (Connection db = TestServers.mysql(database);
                ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM victim")) {
            assertTrue(rows.next());
        }
    }

    @Test
    void wrongPasswordFailsClearlyWithoutShowingIt() {
        ObjectNode config = config().put("password", "Wr0ng-Pa55word!");
        CliRun check = CliRun.classPathOnly("check", "-c", "mysql", "--config-json", config.toString());
        JsonNode status = check.only("CONNECTION_STATUS").get("connectionStatus");
        assertEquals("FAILED", status.get("status").asText(), check.toString());
        assertTrue(status.get("message").asText().startsWith("Could not connect to MySQL/MariaDB at "), check.toString());
        assertTrue(status.get("message").asText().contains("Access denied"), check.toString());
        assertFalse(check.all().contains("Wr0ng-Pa55word!"), check.toString());

        CliRun read = CliRun.classPathOnly("read", "-c", "mysql", "--config-json", config.toString());
        assertEquals(1, read.exitCode());
        assertEquals("FAILED", read.summary().get("status").asText());
        assertFalse(read.all().contains("Wr0ng-Pa55word!"), read.toString());
    }

    @Test
    void unreachableHostFailsClearly() {
        ObjectNode config = MAPPER.createObjectNode().put("connection_string", "mysql://root:pw-unreach@127.0.0.1:1/" + database);
        CliRun check = CliRun.classPathOnly("check", "-c", "mysql", "--config-json", config.toString());
        JsonNode status = check.only("CONNECTION_STATUS").get("connectionStatus");
        assertEquals("FAILED", status.get("status").asText(), check.toString());
        assertTrue(status.get("message").asText().startsWith("Could not connect to MySQL/MariaDB at 127.0.0.1:1"), check.toString());
        assertFalse(check.all().contains("pw-unreach"), check.toString());
    }
}
