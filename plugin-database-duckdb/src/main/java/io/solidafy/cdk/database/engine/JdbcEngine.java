package io.solidafy.cdk.database.engine;

import io.solidafy.cdk.database.DatabaseKind;
import io.solidafy.cdk.database.catalog.Catalog;
import io.solidafy.cdk.database.catalog.JdbcCatalog;
import io.solidafy.cdk.database.config.DatabaseConfig;
import io.solidafy.cdk.database.config.Endpoint;
import io.solidafy.cdk.database.config.SslModes;
import io.solidafy.cdk.spi.ConnectorException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads through the database's own JDBC driver: PgJDBC, MariaDB Connector/J or sqlite-jdbc. The
 * driver is instantiated directly, because {@code DriverManager} does not see drivers that live in
 * a plugin's module layer or class loader.
 */
public final class JdbcEngine implements Engine {

    private final DatabaseConfig config;
    private final Driver driver;
    private final String url;
    private final Properties properties;
    private final Catalog catalog;

    public JdbcEngine(DatabaseConfig config) {
        this.config = config;
        this.properties = new Properties();
        switch (config.kind()) {
            case POSTGRES -> {
                Endpoint endpoint = config.endpoint().orElseThrow();
                driver = new org.postgresql.Driver();
                url = "jdbc:postgresql://" + endpoint.hostAndPort() + "/" + encode(endpoint.database().orElse(""));
                login(endpoint);
                endpoint.sslMode().ifPresent(mode -> properties.setProperty("sslmode", mode));
                // cursor values are bound as text and typed by the server from the column they are compared with
                properties.setProperty("stringtype", "unspecified");
                properties.setProperty("ApplicationName", "solidafy-cdk");
                properties.setProperty("connectTimeout", "10");
                properties.setProperty("defaultRowFetchSize", String.valueOf(config.fetchSize()));
                // binary result format from the first execution: decoding is cheaper than parsing text,
                // except for dates and timestamps, whose text (in a UTC session) is already ISO-8601,
                // and numerics, whose text is already the JSON number (see ValueEncoders)
                properties.setProperty("prepareThreshold", "-1");
                properties.setProperty("binaryTransferDisable", "DATE,TIMESTAMP,TIMESTAMPTZ,NUMERIC");
                properties.setProperty("options", "-c TimeZone=UTC");
            }
            case MYSQL -> {
                Endpoint endpoint = config.endpoint().orElseThrow();
                driver = new org.mariadb.jdbc.Driver();
                // the driver does not decode the URL path, so the database goes in a property
                url = "jdbc:mariadb://" + endpoint.hostAndPort() + "/";
                login(endpoint);
                endpoint.database().ifPresent(database -> properties.setProperty("database", database));
                properties.setProperty("sslMode", SslModes.forMariaDb(endpoint.sslMode().orElse("disable")));
                properties.setProperty("connectTimeout", "10000");
                properties.setProperty("tinyInt1isBit", "true");
            }
            case SQLITE -> {
                Path file = config.path().orElseThrow();
                if (!Files.isRegularFile(file)) {
                    throw new ConnectorException("SQLite database file " + file + " does not exist; check path.");
                }
                driver = new org.sqlite.JDBC();
                url = "jdbc:sqlite:" + file;
                org.sqlite.SQLiteConfig sqlite = new org.sqlite.SQLiteConfig();
                sqlite.setReadOnly(true);
                properties.putAll(sqlite.toProperties());
            }
            default -> throw new IllegalStateException(config.kind().name());
        }
        Optional<String> database = config.endpoint().flatMap(Endpoint::database);
        this.catalog = new JdbcCatalog(config.kind(), database);
    }

    @Override
    public String description() {
        return "jdbc (" + switch (config.kind()) {
            case POSTGRES -> "PgJDBC";
            case MYSQL -> "MariaDB Connector/J";
            case SQLITE -> "sqlite-jdbc";
        } + ")";
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public Connection connect() throws SQLException {
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("the driver did not accept the URL");
        }
        if (config.kind() == DatabaseKind.POSTGRES) {
            // PgJDBC uses a server-side cursor (fetching fetchSize rows at a time) only inside a transaction
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
        }
        return connection;
    }

    @Override
    public void close() {
        // connections are owned by their callers
    }

    private void login(Endpoint endpoint) {
        properties.setProperty("user", endpoint.user());
        if (!endpoint.password().isEmpty()) {
            properties.setProperty("password", endpoint.password());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
