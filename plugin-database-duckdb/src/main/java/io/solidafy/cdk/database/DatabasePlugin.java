package io.solidafy.cdk.database;

import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.source.SourceFactory;
import java.util.List;

/** Database sources: PostgreSQL, MySQL/MariaDB and SQLite (and DuckDB files), through DuckDB or JDBC. */
public final class DatabasePlugin implements Plugin {

    @Override
    public String name() {
        return "plugin-database-duckdb";
    }

    @Override
    public List<SourceFactory> sources() {
        return List.of(new DatabaseSourceFactory());
    }
}
