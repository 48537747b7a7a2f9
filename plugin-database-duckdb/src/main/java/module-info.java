/**
 * Database sources for solidafy-cdk: {@code postgres}, {@code mysql} and {@code sqlite}, read
 * through an embedded DuckDB when its extension is available and through the database's own JDBC
 * driver otherwise.
 */
module io.solidafy.cdk.database {
    requires io.solidafy.cdk.spi;
    requires java.sql;
    requires duckdb.jdbc;
    requires org.postgresql.jdbc;
    requires org.mariadb.jdbc;
    requires org.xerial.sqlitejdbc;

    provides io.solidafy.cdk.spi.Plugin with io.solidafy.cdk.database.DatabasePlugin;
}
