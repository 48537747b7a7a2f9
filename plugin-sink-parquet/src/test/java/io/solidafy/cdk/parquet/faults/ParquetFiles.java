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
