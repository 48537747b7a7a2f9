package io.solidafy.cdk.parquet.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** What an output directory holds, as a reader sees it: DuckDB for the data, a walk for the rest. */
final class ParquetFiles {

    private ParquetFiles() {}

    /** {@code [rows, distinct ids, min id, max id]} over every published part of the fixture stream. */
    static long[] idStats(Path out) throws SQLException {
        String sql = "SELECT count(*), count(DISTINCT id), coalesce(min(id), 0), coalesce(max(id), 0) FROM read_parquet('"
                + out + "/shop_items/*/*.parquet', union_by_name=true)";
        try (Connection duck = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement statement = duck.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)};
        }
    }

    /** The id ranges of the parts holding duplicated ids, per file: where an at-least-once repeat came from. */
    static String duplicateSources(Path out) throws SQLException {
        String sql = "WITH rows AS (SELECT id, filename FROM read_parquet('" + out + "/shop_items/*/*.parquet', union_by_name=true,"
                + " filename=true)), dups AS (SELECT id FROM rows GROUP BY id HAVING count(*) > 1)"
                + " SELECT regexp_extract(filename, '[^/]+$'), min(id), max(id), count(*) FROM rows WHERE id IN (SELECT id FROM dups)"
                + " GROUP BY filename ORDER BY 2, 1";
        StringBuilder text = new StringBuilder();
        try (Connection duck = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement statement = duck.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                text.append(rows.getString(1)).append(" ids ").append(rows.getLong(2)).append("..").append(rows.getLong(3))
                        .append(" (").append(rows.getLong(4)).append(") ");
            }
        }
        return text.toString().trim();
    }

    /** Published parts ({@code *.parquet}, not hidden). */
    static List<Path> parts(Path out) throws IOException {
        return files(out).stream().filter(p -> !hidden(p) && p.toString().endsWith(".parquet")).toList();
    }

    /** Hidden files: staging files and run markers. */
    static List<Path> hiddenFiles(Path out) throws IOException {
        return files(out).stream().filter(ParquetFiles::hidden).toList();
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static List<Path> files(Path out) throws IOException {
        if (!Files.exists(out)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
