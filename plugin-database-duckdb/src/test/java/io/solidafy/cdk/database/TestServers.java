package io.solidafy.cdk.database;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * The machine's database servers the integration tests use, overridable by environment variables:
 * {@code TEST_PG_HOST, TEST_PG_PORT, TEST_PG_USER, TEST_PG_PASSWORD, TEST_PG_DATABASE} (defaults
 * 127.0.0.1, 5432, postgres, empty, test) and {@code TEST_MYSQL_HOST, TEST_MYSQL_PORT,
 * TEST_MYSQL_USER, TEST_MYSQL_PASSWORD, TEST_MYSQL_DATABASE} (127.0.0.1, 3306, root, empty, test).
 * Each test class works in a database of its own, created here and dropped afterwards.
 */
public final class TestServers {

    public static final String PG_HOST = env("TEST_PG_HOST", "127.0.0.1");
    public static final int PG_PORT = Integer.parseInt(env("TEST_PG_PORT", "5432"));
    public static final String PG_USER = env("TEST_PG_USER", "postgres");
    public static final String PG_PASSWORD = env("TEST_PG_PASSWORD", "");
    public static final String PG_ADMIN_DB = env("TEST_PG_DATABASE", "test");

    public static final String MY_HOST = env("TEST_MYSQL_HOST", "127.0.0.1");
    public static final int MY_PORT = Integer.parseInt(env("TEST_MYSQL_PORT", "3306"));
    public static final String MY_USER = env("TEST_MYSQL_USER", "root");
    public static final String MY_PASSWORD = env("TEST_MYSQL_PASSWORD", "");
    public static final String MY_ADMIN_DB = env("TEST_MYSQL_DATABASE", "test");

    private TestServers() {}

    public static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static Connection postgres(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", PG_USER);
        if (!PG_PASSWORD.isEmpty()) {
            properties.setProperty("password", PG_PASSWORD);
        }
        return new org.postgresql.Driver().connect("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database, properties);
    }

    public static Connection mysql(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", MY_USER);
        if (!MY_PASSWORD.isEmpty()) {
            properties.setProperty("password", MY_PASSWORD);
        }
        return new org.mariadb.jdbc.Driver().connect("jdbc:mariadb://" + MY_HOST + ":" + MY_PORT + "/" + database, properties);
    }

    /** The connector config of {@code database} on the test server of {@code kind} (POSTGRES or MYSQL). */
    public static ObjectNode config(DatabaseKind kind, String database) {
        boolean postgres = kind == DatabaseKind.POSTGRES;
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("host", postgres ? PG_HOST : MY_HOST);
        config.put("port", postgres ? PG_PORT : MY_PORT);
        config.put("database", database);
        config.put("user", postgres ? PG_USER : MY_USER);
        String password = postgres ? PG_PASSWORD : MY_PASSWORD;
        if (!password.isEmpty()) {
            config.put("password", password);
        }
        return config;
    }

    /** A new database named from {@code prefix} on the test server of {@code kind}, made by {@code statements}. */
    public static String createDatabase(DatabaseKind kind, String prefix, String... statements) throws SQLException {
        String database = uniqueName(prefix);
        try (Connection admin = admin(kind)) {
            execute(admin, "CREATE DATABASE " + database);
        }
        try (Connection db = kind == DatabaseKind.POSTGRES ? postgres(database) : mysql(database)) {
            execute(db, statements);
        }
        return database;
    }

    /** Drops a database {@link #createDatabase} made, even while connections to it are open. */
    public static void dropDatabase(DatabaseKind kind, String database) throws SQLException {
        try (Connection admin = admin(kind)) {
            execute(admin, "DROP DATABASE IF EXISTS " + database + (kind == DatabaseKind.POSTGRES ? " WITH (FORCE)" : ""));
        }
    }

    private static Connection admin(DatabaseKind kind) throws SQLException {
        return kind == DatabaseKind.POSTGRES ? postgres(PG_ADMIN_DB) : mysql(MY_ADMIN_DB);
    }

    public static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
