package io.solidafy.cdk.database.engine;

import io.solidafy.cdk.database.DatabaseKind;
import io.solidafy.cdk.database.catalog.Catalog;
import io.solidafy.cdk.database.catalog.DuckDbCatalog;
import io.solidafy.cdk.database.config.DatabaseConfig;
import io.solidafy.cdk.database.config.Endpoint;
import io.solidafy.cdk.spi.ConnectorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * An in-memory DuckDB with the database attached read-only under the alias {@code src}: a DuckDB
 * file natively, SQLite/PostgreSQL/MySQL through DuckDB's extensions. Readers get {@code
 * duplicate()}s of one root connection, so they share the attachment. Results are streamed in
 * chunks, never materialised whole.
 *
 * <p>This class is the only one touching {@code org.duckdb}; it is loaded when a database connector
 * actually runs with DuckDB, never by {@code list}.
 */
public final class DuckDbEngine implements Engine {

    static final String ALIAS = "src";

    private final DatabaseConfig config;
    private final org.duckdb.DuckDBConnection root;
    private final Catalog catalog;

    /**
     * Starts DuckDB, loads the extension the database needs and attaches it.
     *
     * @throws SQLException when DuckDB cannot start, load the extension or attach (message safe to show
     *                      after {@link Failures#reason})
     */
    public DuckDbEngine(DatabaseConfig config) throws SQLException {
        this.config = config;
        Properties properties = new Properties();
        properties.setProperty(org.duckdb.DuckDBDriver.JDBC_STREAM_RESULTS, "true");
        // instantiated directly: DriverManager cannot see a driver inside a plugin's class loader
        Connection connection = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", properties);
        this.root = connection.unwrap(org.duckdb.DuckDBConnection.class);
        try (Statement statement = root.createStatement()) {
            // the buffer pool caches scanned data; cap it so memory stays bounded on large tables
            statement.execute("SET memory_limit = " + literal(config.duckDbMemoryLimit()));
            if (!config.isDuckDbFile()) {
                loadExtension(statement);
            }
            statement.execute(attachStatement());
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
        boolean serverDatabase = config.kind() != DatabaseKind.SQLITE;
        this.catalog = new DuckDbCatalog(ALIAS, serverDatabase, config.kind()::isSystemSchema);
    }

    @Override
    public String description() {
        return config.isDuckDbFile() ? "duckdb (native file)" : "duckdb (" + config.kind().duckDbType() + " extension)";
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public Connection connect() throws SQLException {
        return root.duplicate();
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            // nothing left to release
        }
    }

    private void loadExtension(Statement statement) throws SQLException {
        String extension = config.kind().duckDbType();
        if (config.extensionDirectory().isPresent()) {
            statement.execute("SET extension_directory = " + literal(config.extensionDirectory().get()));
        }
        if (config.extensionRepository().isPresent()) {
            statement.execute("INSTALL " + extension + " FROM " + literal(config.extensionRepository().get()));
        }
        statement.execute("LOAD " + extension);
    }

    private String attachStatement() {
        String target;
        String options;
        if (config.isDuckDbFile() || config.kind() == DatabaseKind.SQLITE) {
            Path file = config.path().orElseThrow();
            if (!Files.isRegularFile(file)) {
                throw new ConnectorException((config.isDuckDbFile() ? "DuckDB" : "SQLite") + " database file " + file
                        + " does not exist; check path.");
            }
            target = file.toString();
            options = config.isDuckDbFile() ? "READ_ONLY" : "TYPE sqlite, READ_ONLY";
        } else {
            target = connectionInfo(config.kind(), config.endpoint().orElseThrow());
            options = "TYPE " + config.kind().duckDbType() + ", READ_ONLY";
        }
        return "ATTACH " + literal(target) + " AS " + ALIAS + " (" + options + ")";
    }

    /** A libpq-style {@code key='value'} string, the form both DuckDB extensions parse. */
    static String connectionInfo(DatabaseKind kind, Endpoint endpoint) {
        StringBuilder info = new StringBuilder();
        append(info, "host", endpoint.host());
        append(info, "port", String.valueOf(endpoint.port()));
        append(info, "user", endpoint.user());
        if (!endpoint.password().isEmpty()) {
            append(info, kind == DatabaseKind.MYSQL ? "passwd" : "password", endpoint.password());
        }
        endpoint.database().ifPresent(db -> append(info, kind == DatabaseKind.MYSQL ? "db" : "dbname", db));
        if (kind == DatabaseKind.POSTGRES) {
            endpoint.sslMode().ifPresent(mode -> append(info, "sslmode", mode));
        }
        return info.toString().trim();
    }

    private static void append(StringBuilder info, String key, String value) {
        info.append(key).append("='").append(value.replace("\\", "\\\\").replace("'", "\\'")).append("' ");
    }

    /** A SQL string literal. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
