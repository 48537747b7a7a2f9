package io.solidafy.cdk.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** DuckDB as the independent Parquet reader of the tests. */
final class Duck implements AutoCloseable {

    private final Connection connection;

    Duck() throws SQLException {
        connection = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
    }

    /** Every row of the files matched by {@code glob}, as JSON objects ordered by {@code orderBy}. */
    List<JsonNode> rows(String glob, String orderBy) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (List<String> row : query("SELECT to_json(t)::VARCHAR FROM read_parquet('" + glob + "', union_by_name=true, hive_partitioning=false) t ORDER BY " + orderBy)) {
            rows.add(Json.MAPPER.readTree(row.get(0)));
        }
        return rows;
    }

    /** Rows of any query as strings. */
    List<List<String>> query(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    String single(String sql) throws SQLException {
        return query(sql).get(0).get(0);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
