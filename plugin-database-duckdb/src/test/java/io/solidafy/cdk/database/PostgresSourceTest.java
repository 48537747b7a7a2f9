package io.solidafy.cdk.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The postgres connector against the machine's PostgreSQL, through the real CLI. */
class PostgresSourceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HOSTILE = "we\"ird; DROP TABLE public.victim; --";
    /** Its stream name: the table name holds a dot, so it is quoted (see StreamNaming). */
    private static final String HOSTILE_STREAM = "public.\"" + HOSTILE.replace("\"", "\"\"") + "\"";
    private static String database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = TestServers.uniqueName("sdb_pg");
        try (Connection admin = TestServers.postgres(TestServers.PG_ADMIN_DB)) {
            TestServers.execute(admin, "CREATE DATABASE " + database);
        }
        try (Connection db = TestServers.postgres(database)) {
            TestServers.execute(db,
                    "CREATE TABLE public.all_types (id bigint PRIMARY KEY, small smallint, i int NOT NULL, big bigint,"
                            + " num numeric, num_big numeric(40,20), r real, d double precision, b boolean, t text, vc varchar(10),"
                            + " dt date, ts timestamp, tstz timestamptz, tm time, j json, jb jsonb, ia int[], ta text[], ba bytea,"
                            + " u uuid, iv interval, nothing text)",
                    "INSERT INTO public.all_types VALUES (1, 7, 42, 9007199254740993, 12345678901234567890.123456789,"
                            + " 12345678901234567890.12345678901234567890, 1.5, 2.25, true, 'héllo \"q\"', 'abc',"
                            + " '2024-12-15', '2024-12-15 10:30:00.123456', '2024-12-15 10:30:00+02', '08:15:00',"
                            + " '{\"a\": [1, 2], \"b\": null}', '{\"k\": {\"n\": 1.5}}', ARRAY[1,2,3], ARRAY['x','y z'],"
                            + " '\\x00ff10'::bytea, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1 day 02:00:00', NULL)",
                    "CREATE TABLE public.orders (id serial PRIMARY KEY, created_at timestamptz NOT NULL, day date NOT NULL,"
                            + " amount numeric(30,10) NOT NULL, code text NOT NULL, local_ts timestamp NOT NULL, big_id bigint NOT NULL)",
                    "CREATE SCHEMA sales",
                    "CREATE TABLE sales.measurements (at date NOT NULL, v int) PARTITION BY RANGE (at)",
                    "CREATE TABLE sales.measurements_2024 PARTITION OF sales.measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                    "INSERT INTO sales.measurements VALUES ('2024-06-01', 1)",
                    "CREATE TABLE sales.items (sku text PRIMARY KEY, qty int)",
                    "INSERT INTO sales.items VALUES ('a', 1), ('b', 2)",
                    "CREATE VIEW public.order_codes AS SELECT id, code FROM public.orders",
                    "CREATE TABLE public.victim (id int)",
                    "CREATE TABLE public.\"" + HOSTILE.replace("\"", "\"\"") + "\" (\"col \"\"x\"\" name\" int, \"select\" text)",
                    "INSERT INTO public.\"" + HOSTILE.replace("\"", "\"\"") + "\" VALUES (1, 'drop'), (2, NULL)");
            for (int i = 1; i <= 5; i++) {
                insertOrder(db, i);
            }
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        try (Connection admin = TestServers.postgres(TestServers.PG_ADMIN_DB)) {
            TestServers.execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** Row n: cursor values all grow with n. */
    private static void insertOrder(Connection db, int n) throws Exception {
        TestServers.execute(db, "INSERT INTO public.orders (created_at, day, amount, code, local_ts, big_id) VALUES ("
                + "'2024-01-0" + n + " 10:00:00.5+00', '2024-02-0" + n + "', 1000000000000000000" + n + ".0000000001,"
                + " 'code-" + n + "', '2024-03-0" + n + " 12:00:00', " + (9_000_000_000_000_000_000L + n) + ")");
    }

    static ObjectNode config() {
        return TestServers.config(DatabaseKind.POSTGRES, database);
    }

    @Test
    void listDescribesTheDatabaseConnectors() {
        CliRun list = CliRun.classPathOnly("list");
        JsonNode connectors = list.only("CONNECTORS").get("connectors");
        List<String> names = new ArrayList<>();
        connectors.forEach(c -> names.add(c.get("name").asText()));
        assertTrue(names.containsAll(List.of("postgres", "mysql", "sqlite")), list.stdout());
        for (JsonNode connector : connectors) {
            if (connector.get("name").asText().equals("postgres")) {
                assertEquals("Database", connector.get("category").asText());
                assertEquals("PostgreSQL tables via DuckDB", connector.get("description").asText());
                assertEquals("postgresql", connector.get("aliases").get(0).asText());
            }
        }
    }

    @Test
    void checkCountsTables() {
        CliRun check = CliRun.classPathOnly("check", "-c", "postgresql", "--config-json", config().toString());
        JsonNode status = check.only("CONNECTION_STATUS").get("connectionStatus");
        assertEquals("SUCCEEDED", status.get("status").asText(), check.toString());
        assertTrue(status.get("message").asText().matches("Connection successful\\. Found [67] tables\\."), check.toString());
        assertTrue(check.stdout().contains("Engine: jdbc (PgJDBC)"), check.toString());
    }

    @Test
    void checkWithConnectionStringAndPercentEncodedDatabase() {
        ObjectNode config = MAPPER.createObjectNode();
        config.put("connection_string", "postgresql://" + TestServers.PG_USER + ":any%40pass@" + TestServers.PG_HOST + ":"
                + TestServers.PG_PORT + "/" + database + "?sslmode=disable");
        CliRun check = CliRun.classPathOnly("check", "-c", "postgres", "--config-json", config.toString());
        assertEquals("SUCCEEDED", check.only("CONNECTION_STATUS").at("/connectionStatus/status").asText(), check.toString());
        assertFalse(check.all().contains("any@pass"), check.toString());
    }

    @Test
    void databaseNamesWithSpacesAndSymbolsAreEncodedInTheUrl() throws Exception {
        String odd = database + " a/b?c#d";
        try (Connection admin = TestServers.postgres(TestServers.PG_ADMIN_DB)) {
            TestServers.execute(admin, "CREATE DATABASE \"" + odd + "\"");
        }
        try {
            CliRun check = CliRun.classPathOnly("check", "-c", "postgres", "--config-json", config().put("database", odd).toString());
            assertEquals("SUCCEEDED", check.only("CONNECTION_STATUS").at("/connectionStatus/status").asText(), check.toString());
            String encoded = java.net.URLEncoder.encode(odd, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
            ObjectNode viaString = MAPPER.createObjectNode().put("connection_string", "postgresql://" + TestServers.PG_USER + "@"
                    + TestServers.PG_HOST + ":" + TestServers.PG_PORT + "/" + encoded);
            CliRun check2 = CliRun.classPathOnly("check", "-c", "postgres", "--config-json", viaString.toString());
            assertEquals("SUCCEEDED", check2.only("CONNECTION_STATUS").at("/connectionStatus/status").asText(), check2.toString());
        } finally {
            try (Connection admin = TestServers.postgres(TestServers.PG_ADMIN_DB)) {
                TestServers.execute(admin, "DROP DATABASE IF EXISTS \"" + odd + "\" WITH (FORCE)");
            }
        }
    }

    @Test
    void streamsAreSchemaQualifiedTablesWithViewsOnRequest() {
        CliRun streams = CliRun.classPathOnly("streams", "-c", "postgres", "--config-json", config().toString());
        JsonNode body = streams.only("STREAMS");
        assertEquals("database", body.get("connector_type").asText());
        List<String> names = new ArrayList<>();
        body.get("streams").forEach(s -> names.add(s.asText()));
        assertTrue(names.containsAll(List.of("public.all_types", "public.orders", "public.victim", HOSTILE_STREAM,
                "sales.items")), streams.toString());
        assertTrue(names.stream().allMatch(n -> n.startsWith("public.") || n.startsWith("sales.")), "no system schemas: " + names);
        assertTrue(names.contains("sales.measurements"), "a partitioned table is one stream: " + names);
        assertFalse(names.contains("sales.measurements_2024"), "its partitions are read through it: " + names);
        CliRun partitioned = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config().toString(), "-s", "sales.measurements");
        assertEquals(List.of("2024-06-01"), partitioned.records("sales.measurements").stream().map(r -> r.get("at").asText()).toList(),
                partitioned.toString());
        assertFalse(names.contains("public.order_codes"), "views only on request");

        ObjectNode withViews = config().put("include_views", true);
        CliRun all = CliRun.classPathOnly("streams", "-c", "postgres", "--config-json", withViews.toString());
        assertTrue(all.only("STREAMS").get("streams").toString().contains("\"public.order_codes\""), all.toString());
    }

    @Test
    void discoverDerivesSchemaAndPrimaryKey() {
        ObjectNode config = config();
        config.putObject("cursor_fields").put("public.orders", "created_at");
        CliRun discover = CliRun.classPathOnly("discover", "-c", "postgres", "--config-json", config.toString());
        JsonNode streams = discover.only("CATALOG").at("/catalog/streams");
        JsonNode allTypes = null;
        JsonNode orders = null;
        for (JsonNode stream : streams) {
            if (stream.get("name").asText().equals("public.all_types")) {
                allTypes = stream;
            }
            if (stream.get("name").asText().equals("public.orders")) {
                orders = stream;
            }
        }
        assertTrue(allTypes != null && orders != null, discover.toString());
        assertEquals("[[\"id\"]]", allTypes.get("source_defined_primary_key").toString());
        JsonNode properties = allTypes.at("/json_schema/properties");
        assertEquals("[\"integer\",\"null\"]", properties.at("/big/type").toString());
        assertEquals("\"integer\"", properties.at("/i/type").toString());
        assertEquals("[\"number\",\"null\"]", properties.at("/num_big/type").toString());
        assertEquals("date-time", properties.at("/tstz/format").asText());
        assertEquals("date", properties.at("/dt/format").asText());
        assertEquals("[\"array\",\"null\"]", properties.at("/ia/type").toString());
        assertEquals("base64", properties.at("/ba/contentEncoding").asText());
        assertEquals("[\"created_at\"]", orders.get("default_cursor_field").toString());
        assertTrue(orders.get("supported_sync_modes").toString().contains("incremental"));
    }

    @Test
    void readMapsEveryTypeToTheJsonADataEngineerExpects() throws Exception {
        CliRun read = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config().toString(), "-s", "public.all_types");
        assertEquals(0, read.exitCode(), read.toString());
        List<JsonNode> records = read.records("public.all_types");
        assertEquals(1, records.size(), read.toString());
        JsonNode row = records.get(0);
        assertTrue(row.get("id").isIntegralNumber());
        assertEquals(7, row.get("small").asInt());
        assertEquals("9007199254740993", row.get("big").toString());
        // exact decimals, as written on stdout (a plain JSON parser would turn them into doubles)
        assertTrue(read.stdout().contains("\"num\":12345678901234567890.123456789,"), read.stdout());
        assertTrue(read.stdout().contains("\"num_big\":12345678901234567890.12345678901234567890,"), read.stdout());
        assertEquals(1.5, row.get("r").asDouble());
        assertEquals(2.25, row.get("d").asDouble());
        assertTrue(row.get("b").isBoolean() && row.get("b").asBoolean());
        assertEquals("héllo \"q\"", row.get("t").asText());
        assertEquals("2024-12-15", row.get("dt").asText());
        assertEquals("2024-12-15T10:30:00.123456", row.get("ts").asText());
        assertEquals("2024-12-15T08:30:00Z", row.get("tstz").asText());
        assertEquals("08:15:00", row.get("tm").asText());
        assertEquals(MAPPER.readTree("{\"a\": [1, 2], \"b\": null}"), row.get("j"));
        assertEquals(MAPPER.readTree("{\"k\": {\"n\": 1.5}}"), row.get("jb"));
        assertEquals("[1,2,3]", row.get("ia").toString());
        assertEquals("[\"x\",\"y z\"]", row.get("ta").toString());
        assertEquals(Base64.getEncoder().encodeToString(new byte[] {0, (byte) 0xff, 0x10}), row.get("ba").asText());
        assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", row.get("u").asText());
        assertEquals("1 day 02:00:00", row.get("iv").asText());
        assertTrue(row.get("nothing").isNull());
        assertEquals("SUCCEEDED", read.summary().get("status").asText());
    }

    /**
     * COPY streams a table whose every column has an encoding from its text, ordered reads included;
     * a table with another kind (json, arrays, bytea, time) and a read from a saved cursor (a bound
     * parameter) go through a cursor, and both give the same records.
     */
    @Test
    void aSyncLogsInOnceForTheTableListAndTheRead() throws Exception {
        long before = sessions();
        CliRun read = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config().toString(), "-s", "sales.items");
        assertEquals(2, read.records("sales.items").size(), read.toString());
        assertEquals(before + 1, sessionsOnceSettled(before + 1), "sessions the sync opened on the server");
    }

    /** Sessions ever opened on the test database (a backend adds its own when it exits). */
    private static long sessions() throws Exception {
        try (Connection admin = TestServers.postgres(TestServers.PG_ADMIN_DB);
                PreparedStatement query = admin.prepareStatement("SELECT sessions FROM pg_stat_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next());
                return result.getLong(1);
            }
        }
    }

    /** {@link #sessions()} once it reached {@code expected} and then stayed the same for half a second. */
    private static long sessionsOnceSettled(long expected) throws Exception {
        for (int i = 0; i < 100 && sessions() < expected; i++) {
            Thread.sleep(50); // backends exit a moment after their client disconnected
        }
        Thread.sleep(500);
        return sessions();
    }

    @Test
    void tablesStreamThroughCopyUnlessAColumnOrASavedCursorNeedsTheCursorPath() throws Exception {
        CliRun copied = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config().toString(), "-s", "public.orders",
                "--log-level", "DEBUG");
        assertTrue(copied.logs("DEBUG").contains("Rows stream through COPY ... TO STDOUT"), copied.toString());
        assertEquals(5, copied.records("public.orders").size());

        CliRun mixed = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config().toString(), "-s", "public.all_types",
                "--log-level", "DEBUG");
        assertTrue(mixed.logs("DEBUG").contains("Rows are fetched through a cursor, 2000 at a time"), mixed.toString());
        assertEquals(1, mixed.records("public.all_types").size());

        ObjectNode config = config();
        config.putObject("cursor_fields").put("public.orders", "id");
        CliRun ordered = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config.toString(), "-s", "public.orders",
                "--log-level", "DEBUG");
        assertTrue(ordered.logs("DEBUG").contains("Rows stream through COPY ... TO STDOUT"), ordered.toString());
        CliRun resumed = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config.toString(), "-s", "public.orders",
                "--log-level", "DEBUG", "--state-json", "{\"public.orders\": {\"cursor\": 1}}");
        assertTrue(resumed.logs("DEBUG").contains("Rows are fetched through a cursor, 2000 at a time"), resumed.toString());
        assertEquals(ordered.records("public.orders"), resumed.records("public.orders"));
        assertEquals(copied.records("public.orders").stream().map(r -> r.get("id").asInt()).sorted().toList(),
                resumed.records("public.orders").stream().map(r -> r.get("id").asInt()).toList());
    }

    @Test
    void hostileTableAndColumnNamesAreQuotedNotExecuted() throws Exception {
        CliRun read = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config().toString(), "-s", HOSTILE_STREAM);
        assertEquals("SUCCEEDED", read.summary().get("status").asText(), read.toString());
        List<JsonNode> records = read.records(HOSTILE_STREAM);
        assertEquals(2, records.size());
        assertEquals(1, records.get(0).get("col \"x\" name").asInt());
        assertEquals("drop", records.get(0).get("select").asText());
        try (Connection db = TestServers.postgres(database);
                ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM public.victim")) {
            assertTrue(rows.next(), "the victim table still exists");
        }
    }

    @Test
    void incrementalReadResumesFromEveryCursorTypeWithoutLosingBoundaryRows() throws Exception {
        // each column grows with the row number; the cursor saved after the first run is the 5th row's value
        for (String column : List.of("id", "created_at", "day", "amount", "code", "local_ts", "big_id")) {
            ObjectNode config = config();
            config.putObject("cursor_fields").put("public.orders", column);
            CliRun first = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config.toString(), "-s", "public.orders");
            List<JsonNode> firstRows = first.records("public.orders");
            JsonNode state = first.state().get("streams");
            JsonNode cursor = state.at("/public.orders/cursor");
            JsonNode last = firstRows.get(firstRows.size() - 1).get(column);
            if (column.equals("amount")) {
                // an exact decimal cursor is saved as its text, which a JSON parser cannot round
                assertEquals("\"10000000000000000005.0000000001\"", cursor.toString(), first.toString());
            } else {
                assertEquals(last, cursor, column + ": " + first);
            }
            assertEquals(firstRows.size(), read(first).size());

            CliRun second = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config.toString(), "-s", "public.orders",
                    "--state-json", "{\"public.orders\": " + state.get("public.orders") + "}");
            List<JsonNode> again = second.records("public.orders");
            assertEquals(1, again.size(), column + ": only the boundary row is read again: " + second);
            assertEquals(firstRows.get(firstRows.size() - 1), again.get(0), column);
        }
    }

    @Test
    void incrementalReadPicksUpNewRowsIncludingOnesSharingTheBoundaryValue() throws Exception {
        try (Connection db = TestServers.postgres(database)) {
            TestServers.execute(db, "CREATE TABLE public.events (id int PRIMARY KEY, at timestamptz NOT NULL)",
                    "INSERT INTO public.events VALUES (1, '2024-05-01 00:00:00Z'), (2, '2024-05-02 00:00:00Z')");
        }
        ObjectNode config = config();
        config.putObject("cursor_fields").put("public.events", "at");
        CliRun first = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config.toString(), "-s", "public.events");
        assertEquals(2, first.records("public.events").size(), first.toString());
        JsonNode state = first.state().get("streams").get("public.events");
        assertEquals("2024-05-02T00:00:00Z", state.get("cursor").asText());

        try (Connection db = TestServers.postgres(database)) {
            // a late row with the boundary timestamp, an older one (not wanted), and a newer one
            TestServers.execute(db, "INSERT INTO public.events VALUES (3, '2024-05-02 00:00:00Z'), (4, '2024-04-01 00:00:00Z'),"
                    + " (5, '2024-05-03 00:00:00Z')");
        }
        CliRun second = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config.toString(), "-s", "public.events",
                "--state-json", "{\"public.events\": " + state + "}");
        List<Integer> ids = second.records("public.events").stream().map(r -> r.get("id").asInt()).sorted().toList();
        assertEquals(List.of(2, 3, 5), ids, second.toString());
        assertEquals("2024-05-03T00:00:00Z", second.state().get("streams").at("/public.events/cursor").asText());
    }

    @Test
    void longOrderedReadsCheckpointMidStreamAndACutStreamKeepsItsCursor() {
        ObjectNode config = config().put("checkpoint_interval", 2).put("fetch_size", 2);
        config.putObject("cursor_fields").put("public.orders", "id");
        CliRun read = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config.toString(), "-s", "public.orders",
                "--max-records", "3", "--log-level", "DEBUG");
        assertEquals(3, read.records("public.orders").size(), read.toString());
        List<JsonNode> streamStates = read.ofType("STATE").stream().filter(s -> s.at("/state/type").asText().equals("STREAM")).toList();
        assertFalse(streamStates.isEmpty(), "a checkpoint was published during the read: " + read);
        assertEquals(2, streamStates.get(0).at("/state/stream/stream_state/cursor").asInt());
        assertEquals(3, read.state().get("streams").at("/public.orders/cursor").asInt(), read.toString());
        assertTrue(read.stdout().contains("Page 1: fetched 2 records"), read.toString());
    }

    /** 401 columns: round trips of 249 rows (100,000 values) instead of fetch_size's 2000, and every value arrives. */
    @Test
    void wideTablesAreFetchedInRoundTripsBoundedByValuesNotRows() throws Exception {
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int c = 0; c < 400; c++) {
            columns.append(", c").append(c).append(" text");
            values.append(", 'r' || g || 'c").append(c).append("'");
        }
        try (Connection db = TestServers.postgres(database)) {
            TestServers.execute(db, "CREATE TABLE public.wide (id int PRIMARY KEY" + columns + ")",
                    "INSERT INTO public.wide SELECT g" + values + " FROM generate_series(1, 600) g");
        }
        CliRun read = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config().toString(), "-s", "public.wide",
                "--log-level", "DEBUG");
        assertEquals(0, read.exitCode(), read.stderr());
        List<JsonNode> records = read.records("public.wide");
        assertEquals(600, records.size());
        JsonNode last = records.stream().filter(r -> r.get("id").asInt() == 600).findFirst().orElseThrow();
        assertEquals(401, last.size());
        assertEquals("r600c399", last.get("c399").asText());
        assertTrue(read.logs("DEBUG").contains("Page 1: fetched 249 records"), read.logs("DEBUG").toString());
    }

    @Test
    void unknownCursorColumnFailsTheStreamWithAClearSentence() {
        ObjectNode config = config();
        config.putObject("cursor_fields").put("public.orders", "nope");
        CliRun read = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config.toString(), "-s", "public.orders");
        JsonNode stream = read.summary().get("streams").get(0);
        assertEquals("FAILED", stream.get("status").asText(), read.toString());
        assertTrue(stream.get("error").asText().startsWith("cursor_fields names column 'nope' for stream public.orders"), read.toString());
    }

    @Test
    void unreachableHostFailsClearly() {
        ObjectNode config = config().put("port", 1).put("password", "s3cret-unreachable");
        CliRun check = CliRun.classPathOnly("check", "-c", "postgres", "--config-json", config.toString());
        JsonNode status = check.only("CONNECTION_STATUS").get("connectionStatus");
        assertEquals("FAILED", status.get("status").asText());
        assertTrue(status.get("message").asText().startsWith("Could not connect to PostgreSQL at " + TestServers.PG_HOST + ":1"),
                check.toString());
        assertFalse(check.all().contains("s3cret-unreachable"));

        CliRun read = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config.toString());
        assertEquals(1, read.exitCode(), read.toString());
        assertEquals("FAILED", read.summary().get("status").asText());
        assertTrue(read.stderr().contains("Could not connect to PostgreSQL"), read.toString());
        assertFalse(read.all().contains("s3cret-unreachable"));
    }

    @Test
    void rejectedLoginFailsClearlyWithoutShowingThePassword() {
        // this server trusts local logins, so an unknown role is what it rejects
        ObjectNode config = MAPPER.createObjectNode();
        config.put("connection_string", "postgresql://no_such_role:Pa55-w0rd-x@" + TestServers.PG_HOST + ":" + TestServers.PG_PORT
                + "/" + database);
        CliRun check = CliRun.classPathOnly("check", "-c", "postgres", "--config-json", config.toString());
        JsonNode status = check.only("CONNECTION_STATUS").get("connectionStatus");
        assertEquals("FAILED", status.get("status").asText(), check.toString());
        assertTrue(status.get("message").asText().contains("no_such_role"), check.toString());
        assertFalse(check.all().contains("Pa55-w0rd-x"), check.toString());
    }

    @Test
    void engineDuckDbIsRefusedClearlyWhenItsExtensionCannotBeLoaded() {
        ObjectNode config = config().put("engine", "duckdb");
        CliRun check = CliRun.classPathOnly("check", "-c", "postgres", "--config-json", config.toString());
        JsonNode status = check.only("CONNECTION_STATUS").get("connectionStatus");
        assertEquals("FAILED", status.get("status").asText(), check.toString());
        assertTrue(status.get("message").asText().startsWith("DuckDB could not use its postgres extension"), check.toString());
        assertTrue(status.get("message").asText().endsWith("or set engine to jdbc."), check.toString());
    }

    @Test
    void autoFallsBackToJdbcWhenDuckDbCannotInstallItsExtension(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
        ObjectNode config = config().put("extension_repository", empty.toString()).put("extension_directory", empty.toString());
        CliRun check = CliRun.classPathOnly("check", "-c", "postgres", "--config-json", config.toString());
        assertEquals("SUCCEEDED", check.only("CONNECTION_STATUS").at("/connectionStatus/status").asText(), check.toString());
        assertTrue(check.stdout().contains("DuckDB could not attach PostgreSQL at "), check.toString());
        assertTrue(check.stdout().contains("Engine: jdbc (PgJDBC)"), check.toString());
    }

    @Test
    void streamsReadConcurrentlyShareTheSource() {
        CliRun read = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config().toString(), "-s", "public.orders,sales.items,public.all_types",
                "--concurrency", "3");
        JsonNode summary = read.summary();
        assertEquals("SUCCEEDED", summary.get("status").asText(), read.toString());
        assertEquals(2, read.records("sales.items").size());
        assertEquals(1, read.records("public.all_types").size());
        assertTrue(read.records("public.orders").size() >= 5);
    }

    private static List<JsonNode> read(CliRun cli) {
        return cli.records("public.orders");
    }
}
