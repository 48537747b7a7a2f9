package io.solidafy.cdk.database.catalog;

import java.util.Objects;

/**
 * A table (or view) and the stream name it is offered under.
 *
 * @param catalog    the JDBC catalog (MySQL database, DuckDB attached database), or null
 * @param schema     the schema, or null where the database has none (SQLite, MySQL)
 * @param name       the table name
 * @param streamName {@code schema.table} (SQLite: {@code table})
 * @param view       true for views
 */
public record TableRef(String catalog, String schema, String name, String streamName, boolean view) {

    public TableRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(streamName, "streamName");
    }
}
