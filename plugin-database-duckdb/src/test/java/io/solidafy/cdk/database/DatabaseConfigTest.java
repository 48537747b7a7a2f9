package io.solidafy.cdk.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.database.config.DatabaseConfig;
import io.solidafy.cdk.database.config.EngineChoice;
import io.solidafy.cdk.database.config.Endpoint;
import io.solidafy.cdk.spi.ConnectorException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Decoding and checking of the database connectors' config. */
class DatabaseConfigTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static DatabaseConfig parse(DatabaseKind kind, String json) throws Exception {
        return DatabaseConfig.from(kind, (ObjectNode) MAPPER.readTree(json));
    }

    private static String failure(DatabaseKind kind, String json) {
        return assertThrows(ConnectorException.class, () -> parse(kind, json)).getMessage();
    }

    @Test
    void connectionStringIsPercentDecoded() throws Exception {
        DatabaseConfig config = parse(DatabaseKind.POSTGRES,
                "{\"connection_string\": \"postgresql://app%20user:p%40ss%3Aw%2Fo%25rd+x@db.example.com/my%20db?sslmode=require\"}");
        Endpoint endpoint = config.endpoint().orElseThrow();
        assertEquals("app user", endpoint.user());
        assertEquals("p@ss:w/o%rd+x", endpoint.password());
        assertEquals("db.example.com", endpoint.host());
        assertEquals(5432, endpoint.port());
        assertEquals(Optional.of("my db"), endpoint.database());
        assertEquals(Optional.of("require"), endpoint.sslMode());
        assertFalse(endpoint.toString().contains("p@ss"), "toString hides the password");
    }

    @Test
    void mysqlStringsIpv6AndJdbcPrefix() throws Exception {
        Endpoint mysql = parse(DatabaseKind.MYSQL, "{\"connection_string\": \"jdbc:mariadb://root@[::1]:3307/\"}").endpoint().orElseThrow();
        assertEquals("::1", mysql.host());
        assertEquals(3307, mysql.port());
        assertEquals("[::1]:3307", mysql.hostAndPort());
        assertEquals(Optional.empty(), mysql.database());
        assertEquals("", mysql.password());
    }

    @Test
    void individualFieldsWithDefaults() throws Exception {
        DatabaseConfig config = parse(DatabaseKind.POSTGRES, "{\"host\": \"h\", \"user\": \"u\", \"database\": \"d\", \"password\": \"pw\","
                + " \"cursor_fields\": {\"public.orders\": \"created_at\"}, \"engine\": \"JDBC\"}");
        assertEquals(new Endpoint("h", 5432, Optional.of("d"), "u", "pw", Optional.empty()), config.endpoint().orElseThrow());
        assertEquals(Map.of("public.orders", "created_at"), config.cursorFields());
        assertEquals(EngineChoice.JDBC, config.engine());
        assertEquals(DatabaseConfig.DEFAULT_FETCH_SIZE, config.fetchSize());
        assertEquals(3306, parse(DatabaseKind.MYSQL, "{\"host\": \"h\", \"user\": \"u\"}").endpoint().orElseThrow().port());
    }

    @Test
    void sqlitePathsAndDuckDbFiles() throws Exception {
        assertEquals(Path.of("/data/app.db"), parse(DatabaseKind.SQLITE, "{\"path\": \"/data/app.db\"}").path().orElseThrow());
        assertEquals(Path.of("/data/app.db"), parse(DatabaseKind.SQLITE, "{\"connection_string\": \"sqlite:///data/app.db\"}").path().orElseThrow());
        assertTrue(parse(DatabaseKind.SQLITE, "{\"path\": \"/data/w.duckdb\"}").isDuckDbFile());
        assertFalse(parse(DatabaseKind.SQLITE, "{\"path\": \"/data/app.db\"}").isDuckDbFile());
    }

    @Test
    void badCombinationsAreOneClearSentence() {
        assertEquals("Config of connector 'postgres' needs either connection_string (postgresql://user:password@host:5432/database)"
                + " or host, user and database.", failure(DatabaseKind.POSTGRES, "{}"));
        assertEquals("Config of connector 'postgres' has both connection_string and 'host'; give either connection_string or"
                + " host/port/database/user/password.", failure(DatabaseKind.POSTGRES, "{\"connection_string\": \"postgresql://u@h/d\", \"host\": \"h\"}"));
        assertEquals("Config of connector 'postgres' has a password both in connection_string and in 'password'; keep only one.",
                failure(DatabaseKind.POSTGRES, "{\"connection_string\": \"postgresql://u:a@h/d\", \"password\": \"b\"}"));
        assertEquals("Config of connector 'postgres' has host but no database; add 'database'.",
                failure(DatabaseKind.POSTGRES, "{\"host\": \"h\", \"user\": \"u\"}"));
        assertEquals("Config of connector 'mysql' has host but no user; add 'user'.", failure(DatabaseKind.MYSQL, "{\"host\": \"h\"}"));
        assertEquals("Config field 'port' of connector 'mysql' must be between 1 and 65535.",
                failure(DatabaseKind.MYSQL, "{\"host\": \"h\", \"user\": \"u\", \"port\": 70000}"));
        assertEquals("Config field 'engine' must be auto, duckdb or jdbc, not 'fast'.",
                failure(DatabaseKind.MYSQL, "{\"host\": \"h\", \"user\": \"u\", \"engine\": \"fast\"}"));
        assertTrue(failure(DatabaseKind.POSTGRES, "{\"host\": \"h\", \"user\": \"u\", \"database\": \"d\", \"ssl_mode\": \"always\"}")
                .startsWith("Config field 'ssl_mode' of connector 'postgres' must be one of disable, allow, prefer"));
        assertEquals("Config field 'cursor_fields' must be an object such as {\"public.orders\": \"created_at\"}.",
                failure(DatabaseKind.POSTGRES, "{\"host\": \"h\", \"user\": \"u\", \"database\": \"d\", \"cursor_fields\": \"x\"}"));
        assertEquals("Config of connector 'sqlite' needs path (or connection_string) naming the database file, e.g. {\"path\": \"/data/app.db\"}.",
                failure(DatabaseKind.SQLITE, "{}"));
    }

    @Test
    void unusableConnectionStringsNeverRepeatThePassword() {
        String wrongScheme = failure(DatabaseKind.POSTGRES, "{\"connection_string\": \"mysql://u:Secr3tPw@h/d\"}");
        assertEquals("Config field 'connection_string' of connector 'postgres' is not usable: it must start with postgresql://;"
                + " write it like postgresql://user:password@host:5432/database.", wrongScheme);
        String unencoded = failure(DatabaseKind.MYSQL, "{\"connection_string\": \"mysql://u:Secr3t Pw@h/d\"}");
        assertTrue(unencoded.contains("percent-encode special characters in the password"), unencoded);
        assertFalse(unencoded.contains("Secr3t"), unencoded);
        String noHost = failure(DatabaseKind.MYSQL, "{\"connection_string\": \"mysql:///d\"}");
        assertTrue(noHost.contains("it has no host name"), noHost);
    }
}
