package io.solidafy.cdk.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tables whose names contain dots or commas, on the machine's PostgreSQL: each keeps a stream name of
 * its own, and {@code --streams} can select each of them.
 */
class StreamNamingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static String database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = TestServers.uniqueName("sdb_names");
        try (Connection admin = TestServers.postgres(TestServers.PG_ADMIN_DB)) {
            TestServers.execute(admin, "CREATE DATABASE " + database);
        }
        try (Connection db = TestServers.postgres(database)) {
            TestServers.execute(db,
                    "CREATE SCHEMA \"a.b\"", "CREATE TABLE \"a.b\".c (v text)", "INSERT INTO \"a.b\".c VALUES ('schema a.b, table c')",
                    "CREATE SCHEMA a", "CREATE TABLE a.\"b.c\" (v text)", "INSERT INTO a.\"b.c\" VALUES ('schema a, table b.c')",
                    "CREATE TABLE public.\"x,y\" (v text)", "INSERT INTO public.\"x,y\" VALUES ('table x,y')",
                    "CREATE TABLE public.x (v text)", "INSERT INTO public.x VALUES ('table x')",
                    "CREATE TABLE public.\"\"\"q\"\"\" (v text)", "INSERT INTO public.\"\"\"q\"\"\" VALUES ('table \"q\"')");
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        try (Connection admin = TestServers.postgres(TestServers.PG_ADMIN_DB)) {
            TestServers.execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static ObjectNode config() {
        ObjectNode config = MAPPER.createObjectNode();
        config.put("host", TestServers.PG_HOST);
        config.put("port", TestServers.PG_PORT);
        config.put("database", database);
        config.put("user", TestServers.PG_USER);
        if (!TestServers.PG_PASSWORD.isEmpty()) {
            config.put("password", TestServers.PG_PASSWORD);
        }
        return config;
    }

    @Test
    void tablesWithDotsInTheirNamesKeepDistinctStreamNames() {
        CliRun streams = CliRun.classPathOnly("streams", "-c", "postgres", "--config-json", config().toString());
        List<String> names = new ArrayList<>();
        streams.only("STREAMS").get("streams").forEach(s -> names.add(s.isTextual() ? s.asText() : s.get("name").asText()));
        assertEquals(List.of("\"a.b\".c", "a.\"b.c\"", "public.\"\"\"q\"\"\"", "public.x", "public.x,y"), names.stream().sorted().toList(),
                streams.toString());

        CliRun read = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config().toString(),
                "--streams", "\"a.b\".c,a.\"b.c\"");
        assertEquals("SUCCEEDED", read.summary().get("status").asText(), read.toString());
        assertEquals("schema a.b, table c", only(read, "\"a.b\".c").get("v").asText());
        assertEquals("schema a, table b.c", only(read, "a.\"b.c\"").get("v").asText());
    }

    @Test
    void streamsSelectsATableWhoseNameHasAComma() {
        CliRun read = CliRun.classPathOnly("read", "-c", "postgres", "--config-json", config().toString(),
                "--streams", "public.x\\,y,public.x", "-s", "public.\"\"\"q\"\"\"");
        assertEquals("SUCCEEDED", read.summary().get("status").asText(), read.toString());
        assertEquals(3, read.summary().get("total_streams").asInt(), read.toString());
        assertEquals("table x,y", only(read, "public.x,y").get("v").asText());
        assertEquals("table x", only(read, "public.x").get("v").asText());
        assertEquals("table \"q\"", only(read, "public.\"\"\"q\"\"\"").get("v").asText());
    }

    @Test
    void aDuckDbFileTableWithADotDoesNotShadowASchemaTable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("names.duckdb");
        try (Connection db = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:" + file, new java.util.Properties())) {
            TestServers.execute(db, "CREATE TABLE \"a.b\" (v VARCHAR)", "INSERT INTO \"a.b\" VALUES ('main table a.b')",
                    "CREATE SCHEMA a", "CREATE TABLE a.b (v VARCHAR)", "INSERT INTO a.b VALUES ('schema a, table b')");
        }
        String config = MAPPER.createObjectNode().put("path", file.toString()).toString();
        CliRun read = CliRun.classPathOnly("read", "-c", "sqlite", "--config-json", config);
        assertEquals("SUCCEEDED", read.summary().get("status").asText(), read.toString());
        assertEquals("main table a.b", only(read, "\"a.b\"").get("v").asText());
        assertEquals("schema a, table b", only(read, "a.b").get("v").asText());
    }

    private static JsonNode only(CliRun run, String stream) {
        List<JsonNode> records = run.records(stream);
        assertEquals(1, records.size(), stream + ": " + run);
        return records.get(0);
    }
}
