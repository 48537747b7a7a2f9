package io.solidafy.cdk.database.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.database.DatabaseKind;
import io.solidafy.cdk.spi.ConnectorException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A database connector's config, decoded and checked once when the source opens.
 *
 * @param kind               which database family
 * @param endpoint           server address and login (empty for SQLite)
 * @param path               the SQLite (or DuckDB) file (empty for servers)
 * @param engine             requested engine
 * @param includeViews       list views as streams too
 * @param cursorFields       stream name to cursor column
 * @param fetchSize          rows fetched per round trip (and per logged page)
 * @param checkpointInterval rows between mid-stream checkpoints of an incremental read
 * @param extensionDirectory where DuckDB looks for installed extensions, if not its default
 * @param extensionRepository a (local) DuckDB extension repository to install from, if any
 * @param duckDbMemoryLimit  DuckDB's {@code memory_limit} (its buffer pool caches what it scans)
 */
public record DatabaseConfig(
        DatabaseKind kind,
        Optional<Endpoint> endpoint,
        Optional<Path> path,
        EngineChoice engine,
        boolean includeViews,
        Map<String, String> cursorFields,
        int fetchSize,
        int checkpointInterval,
        Optional<String> extensionDirectory,
        Optional<String> extensionRepository,
        String duckDbMemoryLimit) {

    public static final int DEFAULT_FETCH_SIZE = 2_000;
    public static final int DEFAULT_CHECKPOINT_INTERVAL = 100_000;
    public static final String DEFAULT_DUCKDB_MEMORY_LIMIT = "256MB";

    private static final List<String> SERVER_FIELDS = List.of("host", "port", "database", "user");

    public DatabaseConfig {
        cursorFields = Map.copyOf(cursorFields);
    }

    /** True when the file is a DuckDB database, which only the DuckDB engine reads. */
    public boolean isDuckDbFile() {
        return path.map(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT))
                .map(n -> n.endsWith(".duckdb") || n.endsWith(".ddb")).orElse(false);
    }

    /** Decodes a validated connector config. */
    public static DatabaseConfig from(DatabaseKind kind, ObjectNode config) {
        String name = kind.connectorName();
        Optional<String> connectionString = text(config, "connection_string");
        Optional<Endpoint> endpoint = Optional.empty();
        Optional<Path> path = Optional.empty();
        if (kind == DatabaseKind.SQLITE) {
            Optional<String> file = text(config, "path");
            if (connectionString.isPresent() && file.isPresent()) {
                throw new ConnectorException("Config of connector 'sqlite' has both connection_string and path; keep only one.");
            }
            String value = connectionString.or(() -> file).orElseThrow(() -> new ConnectorException(
                    "Config of connector 'sqlite' needs path (or connection_string) naming the database file, e.g. {\"path\": \"/data/app.db\"}."));
            path = Optional.of(sqlitePath(value));
        } else if (connectionString.isPresent()) {
            for (String field : SERVER_FIELDS) {
                if (text(config, field).isPresent()) {
                    throw new ConnectorException("Config of connector '" + name + "' has both connection_string and '" + field
                            + "'; give either connection_string or host/port/database/user/password.");
                }
            }
            Endpoint parsed = ConnectionStringParser.parse(kind, connectionString.get());
            Optional<String> password = text(config, "password");
            if (password.isPresent() && !parsed.password().isEmpty()) {
                throw new ConnectorException("Config of connector '" + name
                        + "' has a password both in connection_string and in 'password'; keep only one.");
            }
            Optional<String> sslMode = parsed.sslMode().or(() -> text(config, "ssl_mode"));
            endpoint = Optional.of(new Endpoint(parsed.host(), parsed.port(), parsed.database(), parsed.user(),
                    password.orElse(parsed.password()), sslMode));
        } else {
            endpoint = Optional.of(fields(kind, config));
        }
        endpoint.flatMap(Endpoint::sslMode).ifPresent(mode -> SslModes.check(kind, mode));
        return new DatabaseConfig(kind, endpoint, path,
                EngineChoice.parse(text(config, "engine").orElse("auto")),
                config.path("include_views").asBoolean(false),
                cursorFields(config),
                positive(config, "fetch_size", DEFAULT_FETCH_SIZE),
                positive(config, "checkpoint_interval", DEFAULT_CHECKPOINT_INTERVAL),
                text(config, "extension_directory"),
                text(config, "extension_repository"),
                memoryLimit(text(config, "duckdb_memory_limit").orElse(DEFAULT_DUCKDB_MEMORY_LIMIT)));
    }

    private static Endpoint fields(DatabaseKind kind, ObjectNode config) {
        String name = kind.connectorName();
        String host = text(config, "host").orElseThrow(() -> new ConnectorException("Config of connector '" + name
                + "' needs either connection_string (" + ConnectionStringParser.example(kind) + ") or host, user and database."));
        String user = text(config, "user").orElseThrow(() -> new ConnectorException(
                "Config of connector '" + name + "' has host but no user; add 'user'."));
        Optional<String> database = text(config, "database");
        if (kind == DatabaseKind.POSTGRES && database.isEmpty()) {
            throw new ConnectorException("Config of connector '" + name + "' has host but no database; add 'database'.");
        }
        int port = config.hasNonNull("port") ? config.get("port").asInt(-1) : kind.defaultPort();
        if (port <= 0 || port > 65535) {
            throw new ConnectorException("Config field 'port' of connector '" + name + "' must be between 1 and 65535.");
        }
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return new Endpoint(bareHost, port, database, user, text(config, "password").orElse(""), text(config, "ssl_mode"));
    }

    private static Path sqlitePath(String value) {
        String file = value;
        if (file.startsWith("sqlite://")) {
            file = file.substring("sqlite://".length());
        } else if (file.startsWith("sqlite:")) {
            file = file.substring("sqlite:".length());
        }
        return Path.of(file).toAbsolutePath().normalize();
    }

    private static Map<String, String> cursorFields(ObjectNode config) {
        JsonNode node = config.get("cursor_fields");
        Map<String, String> fields = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return fields;
        }
        if (!node.isObject()) {
            throw new ConnectorException("Config field 'cursor_fields' must be an object such as {\"public.orders\": \"created_at\"}.");
        }
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                throw new ConnectorException("cursor_fields entry '" + entry.getKey() + "' must name a column as a string.");
            }
            fields.put(entry.getKey(), entry.getValue().asText());
        }
        return fields;
    }

    private static String memoryLimit(String value) {
        if (!value.matches("(?i)\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)")) {
            throw new ConnectorException("Config field 'duckdb_memory_limit' must be a size such as 256MB or 2GB, not '" + value + "'.");
        }
        return value;
    }

    private static int positive(ObjectNode config, String field, int fallback) {
        JsonNode node = config.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        int value = node.asInt(0);
        if (value <= 0) {
            throw new ConnectorException("Config field '" + field + "' must be a positive integer.");
        }
        return value;
    }

    private static Optional<String> text(ObjectNode config, String field) {
        JsonNode node = config.get(field);
        if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(node.asText().trim());
    }
}
