package io.solidafy.cdk.database.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;

/**
 * Benchmark helper (not a test): writes a DuckDB file with a {@code t} table of N rows and ten
 * columns shaped like the PostgreSQL benchmark table, for reading through the DuckDB engine.
 * Arguments: file, rows.
 */
public final class MakeDuckDbFile {

    private MakeDuckDbFile() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        Files.deleteIfExists(file);
        try (Connection db = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:" + file, new Properties());
                Statement statement = db.createStatement()) {
            statement.execute("CREATE TABLE t AS SELECT g AS id, TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL 1 SECOND AS created_at,"
                    + " 'name-' || g AS name, CAST((g % 100000) / 100.0 AS DECIMAL(12,2)) AS amount, CAST(g % 1000 AS INTEGER) AS qty,"
                    + " g * 0.25 AS price, g % 2 = 0 AS active, DATE '2020-01-01' + CAST(g % 2000 AS INTEGER) AS day,"
                    + " 'note number ' || g || ' with some text' AS note, 'C' || (g % 9973) AS code FROM range(1, " + (rows + 1) + ") r(g)");
        }
    }
}
