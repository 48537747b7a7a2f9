package io.solidafy.cdk.cloud.s3.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** DuckDB as the independent Parquet reader of the tests. */
final class Duck implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Connection connection;

    Duck() throws Exception {
        connection = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
    }

    /** Every row of the Parquet files matched by {@code glob} as JSON, ordered by {@code orderBy}. */
    List<JsonNode> rows(String glob, String orderBy) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT to_json(t)::VARCHAR FROM read_parquet('" + glob
                        + "', union_by_name=true, hive_partitioning=false) t ORDER BY " + orderBy)) {
            while (r.next()) {
                rows.add(MAPPER.readTree(r.getString(1)));
            }
        }
        return rows;
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
