package io.solidafy.cdk.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code list} and a JDBC-engine {@code check} never load DuckDB (whose first use extracts a 72 MB
 * native library) nor, for {@code list}, any driver: observed in a fresh JVM's class-loading log.
 */
class ListStaysCheapTest {

    private static String classLoading(Path plugins, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), "io.solidafy.cdk.runtime.cli.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--plugins-dir", plugins.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    @Test
    void listAndAJdbcCheckLeaveDuckDbUnloaded(@TempDir Path plugins) throws Exception {
        String list = classLoading(plugins, "list");
        assertTrue(list.contains("io.solidafy.cdk.database.DatabaseSourceFactory"), "the plugin itself was loaded");
        assertTrue(list.contains("\"name\":\"postgres\""), "and listed");
        assertFalse(list.contains("org.duckdb."), "list loads no DuckDB class");
        assertFalse(list.contains("org.postgresql.") || list.contains("org.mariadb.") || list.contains("org.sqlite."),
                "list loads no driver");

        Path database = Files.createTempFile(plugins.getParent(), "cheap", ".db");
        try (var connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + database, new java.util.Properties())) {
            TestServers.execute(connection, "CREATE TABLE t (id INTEGER)");
        }
        String check = classLoading(plugins, "check", "-c", "sqlite", "--config-json", "{\"path\": \"" + database + "\"}");
        assertTrue(check.contains("Connection successful. Found 1 tables."), check);
        assertFalse(check.contains("org.duckdb."), "a JDBC-engine check loads no DuckDB class");
    }
}
