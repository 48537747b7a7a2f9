package io.solidafy.cdk.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.runtime.server.ServerOptions;
import io.solidafy.cdk.runtime.testing.ServerRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Database connectors through the HTTP server: the machine's PostgreSQL (check, streams, incremental sync) and SQLite. */
class ServerDatabaseTest {

    private static String database;
    private static ServerRun api;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        database = TestServers.uniqueName("sdb_srv");
        try (Connection admin = TestServers.postgres(TestServers.PG_ADMIN_DB)) {
            TestServers.execute(admin, "CREATE DATABASE " + database);
        }
        try (Connection db = TestServers.postgres(database)) {
            TestServers.execute(db, "CREATE TABLE public.orders (id int PRIMARY KEY, created_at timestamptz NOT NULL, amount int)",
                    "CREATE TABLE public.users (id int PRIMARY KEY, email text)",
                    "INSERT INTO public.users VALUES (1, 'a@example.com'), (2, 'b@example.com')");
            for (int i = 1; i <= 5; i++) {
                TestServers.execute(db, "INSERT INTO public.orders VALUES (" + i + ", '2024-12-1" + i + "T10:30:00Z', " + (i * 10) + ")");
            }
        }
        api = ServerRun.start(ServerOptions.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        try (Connection admin = TestServers.postgres(TestServers.PG_ADMIN_DB)) {
            TestServers.execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static String config() {
        String password = TestServers.PG_PASSWORD.isEmpty() ? "" : ":" + TestServers.PG_PASSWORD;
        return "{\"connection_string\":\"postgresql://" + TestServers.PG_USER + password + "@" + TestServers.PG_HOST + ":"
                + TestServers.PG_PORT + "/" + database + "\"}";
    }

    @Test
    void connectorsListDatabasesWithDynamicStreams() {
        for (JsonNode connector : api.get("/connectors").data().get("connectors")) {
            if (connector.get("name").asText().equals("postgres")) {
                assertTrue(connector.get("streams").isNull());
                assertTrue(connector.get("streams_dynamic").asBoolean());
                assertTrue(connector.get("streams_hint").asText().contains("POST /streams"));
                assertEquals("[\"postgresql\"]", connector.get("aliases").toString());
                return;
            }
        }
        throw new AssertionError("no postgres connector");
    }

    @Test
    void checkAndStreamsConnect() {
        JsonNode status = api.post("/check", "{\"connector\":\"postgres\",\"config\":" + config() + "}").data();
        assertEquals("SUCCEEDED", status.at("/connectionStatus/status").asText(), status.toString());
        JsonNode streams = api.post("/streams", "{\"connector\":\"postgresql\",\"config\":" + config() + "}").data();
        assertEquals("STREAMS", streams.get("type").asText());
        assertEquals("postgres", streams.get("connector").asText());
        assertEquals("database", streams.get("connector_type").asText());
        assertEquals("[\"public.orders\",\"public.users\"]", streams.get("streams").toString());
        JsonNode unreachable = api.post("/check", "{\"connector\":\"postgres\",\"config\":{\"host\":\"127.0.0.1\",\"port\":1,"
                + "\"user\":\"postgres\",\"password\":\"pw-never-shown\",\"database\":\"x\"}}").data();
        assertEquals("FAILED", unreachable.at("/connectionStatus/status").asText());
        assertFalse(unreachable.toString().contains("pw-never-shown"));
        assertTrue(api.get("/connectors/postgres/streams").error(400).contains("connection_string"));
    }

    @Test
    void incrementalSyncWithCursorFieldsAndTheReturnedState() throws Exception {
        JsonNode first = api.post("/sync", "{\"connector\":\"postgres\",\"config\":" + config() + ",\"streams\":[\"public.orders\"],"
                + "\"format\":\"json\",\"cursor_fields\":{\"public.orders\":\"created_at\"}}").data().get("result");
        assertEquals("SUCCEEDED", first.get("status").asText(), first.toString());
        assertEquals("database", first.get("connector_type").asText());
        assertEquals(5, first.get("total_records").asInt());
        assertEquals(5, first.get("records").size());
        JsonNode cursor = first.at("/state/streams/public.orders/cursor");
        assertTrue(cursor.asText().startsWith("2024-12-15"), first.get("state").toString());
        assertEquals(cursor, first.at("/streams/0/cursor_value"));

        try (Connection db = TestServers.postgres(database)) {
            TestServers.execute(db, "INSERT INTO public.orders VALUES (6, '2024-12-16T10:30:00Z', 60), (7, '2024-12-17T10:30:00Z', 70)");
        }
        JsonNode second = api.post("/sync", "{\"connector\":\"postgres\",\"config\":" + config() + ",\"streams\":[\"public.orders\"],"
                + "\"cursor_fields\":{\"public.orders\":\"created_at\"},\"state\":" + first.get("state") + "}").data().get("result");
        List<Integer> ids = new ArrayList<>();
        second.get("records").forEach(r -> ids.add(r.at("/data/id").asInt()));
        // resumes with >= from the cursor: the boundary row again, then the new ones
        assertEquals(List.of(5, 6, 7), ids, second.toString());
        assertTrue(second.at("/state/streams/public.orders/cursor").asText().startsWith("2024-12-17"));
    }

    @Test
    void sqliteThroughTheServer() throws Exception {
        Path file = tmp.resolve("shop.db");
        try (Connection db = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties())) {
            TestServers.execute(db, "CREATE TABLE items (id INT, name TEXT)", "INSERT INTO items VALUES (1, 'a'), (2, 'b')");
        }
        assertTrue(Files.exists(file));
        String config = "{\"path\":\"" + file + "\"}";
        assertEquals("[\"items\"]", api.post("/streams", "{\"connector\":\"sqlite\",\"config\":" + config + "}").data().get("streams").toString());
        JsonNode result = api.post("/sync", "{\"connector\":\"sqlite\",\"config\":" + config + "}").data().get("result");
        assertEquals(2, result.get("total_records").asInt(), result.toString());
        assertEquals("b", result.at("/records/1/data/name").asText());
    }
}
