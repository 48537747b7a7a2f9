package io.solidafy.cdk.database.engine;

import io.solidafy.cdk.database.catalog.Catalog;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A way to reach the database: DuckDB with the database attached, or the database's own JDBC
 * driver. Thread-safe: each reader takes its own connection.
 */
public interface Engine extends AutoCloseable {

    /** The engine's name for logs, e.g. {@code jdbc (PgJDBC)}. */
    String description();

    Catalog catalog();

    /**
     * A new connection set up for streaming reads with bounded memory (server-side cursors,
     * streamed results). The caller closes it.
     */
    Connection connect() throws SQLException;

    @Override
    void close();
}
