package io.solidafy.cdk.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table far larger than the heap streams through a fresh JVM limited to 24 MB: about 120 MB of
 * rows as JSON nodes, which would not fit if any stage held the table.
 */
class BoundedMemoryTest {

    private static final int ROWS = 300_000;
    private static String database;

    @BeforeAll
    static void createTable() throws Exception {
        database = TestServers.uniqueName("sdb_mem");
        try (Connection admin = TestServers.postgres(TestServers.PG_ADMIN_DB)) {
            TestServers.execute(admin, "CREATE DATABASE " + database);
        }
        try (Connection db = TestServers.postgres(database)) {
            TestServers.execute(db, "CREATE TABLE big AS SELECT g AS id, now() AS at, repeat('x', 200) AS pad"
                    + " FROM generate_series(1, " + ROWS + ") g");
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        try (Connection admin = TestServers.postgres(TestServers.PG_ADMIN_DB)) {
            TestServers.execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void aTableLargerThanTheHeapStreamsThrough(@TempDir Path plugins) throws Exception {
        String config = new ObjectMapper().createObjectNode().put("host", TestServers.PG_HOST).put("port", TestServers.PG_PORT)
                .put("user", TestServers.PG_USER).put("password", TestServers.PG_PASSWORD).put("database", database).toString();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx24m",
                "-cp", System.getProperty("java.class.path"), "io.solidafy.cdk.runtime.cli.Main",
                "read", "-c", "postgres", "--config-json", config, "-s", "public.big", "--plugins-dir", plugins.toString());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long records = 0;
        String summary = null;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream out = process.getInputStream()) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = out.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        if (line.size() < 8192) {
                            line.write(buffer[i]);
                        }
                        continue;
                    }
                    String text = line.toString(StandardCharsets.UTF_8);
                    if (text.startsWith("{\"type\":\"RECORD\"")) {
                        records++;
                    } else if (text.startsWith("{\"type\":\"SYNC_SUMMARY\"")) {
                        summary = text;
                    }
                    line.reset();
                }
            }
        }
        assertEquals(0, process.waitFor());
        assertEquals(ROWS, records);
        JsonNode result = new ObjectMapper().readTree(summary).get("summary");
        assertEquals("SUCCEEDED", result.get("status").asText(), summary);
        assertEquals(ROWS, result.get("total_records").asLong());
    }
}
