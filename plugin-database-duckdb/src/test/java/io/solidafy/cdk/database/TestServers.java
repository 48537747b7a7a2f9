package io.solidafy.cdk.database;

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
