package io.solidafy.cdk.database;

import io.solidafy.cdk.spi.Plugin;

/** Database sources (filled in by the database issue). */
public final class DatabasePlugin implements Plugin {

    @Override
    public String name() {
        return "plugin-database-duckdb";
    }
}
