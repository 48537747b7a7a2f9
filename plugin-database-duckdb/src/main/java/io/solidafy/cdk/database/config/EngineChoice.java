package io.solidafy.cdk.database.config;

import io.solidafy.cdk.spi.ConnectorException;
import java.util.Locale;

/** The {@code engine} config value: which engine reads the database. */
public enum EngineChoice {
    /** DuckDB when its extension for the database can be loaded, else the database's JDBC driver. */
    AUTO,
    /** DuckDB only; fails clearly when the extension cannot be loaded. */
    DUCKDB,
    /** The database's own JDBC driver only. */
    JDBC;

    static EngineChoice parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("Config field 'engine' must be auto, duckdb or jdbc, not '" + value + "'.");
        }
    }
}
