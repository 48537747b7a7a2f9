package io.solidafy.cdk.database;

import java.util.List;
import java.util.Set;

/**
 * The database families this plugin reads, with what differs between them: names, default port,
 * how identifiers are quoted, which schemas belong to the system, which DuckDB extension attaches
 * them.
 */
public enum DatabaseKind {
    POSTGRES("postgres", List.of("postgresql"), "PostgreSQL tables via DuckDB", "PostgreSQL", 5432, '"',
            "postgres", "postgres_scanner", Set.of("pg_catalog", "information_schema", "pg_toast")),
    MYSQL("mysql", List.of("mariadb"), "MySQL/MariaDB tables via DuckDB", "MySQL/MariaDB", 3306, '`',
            "mysql", "mysql_scanner", Set.of("information_schema", "mysql", "performance_schema", "sys")),
    SQLITE("sqlite", List.of(), "SQLite database tables via DuckDB", "SQLite", 0, '"',
            "sqlite", "sqlite_scanner", Set.of());

    private final String connectorName;
    private final List<String> aliases;
    private final String description;
    private final String displayName;
    private final int defaultPort;
    private final char quote;
    private final String duckDbType;
    private final String extensionFile;
    private final Set<String> systemSchemas;

    DatabaseKind(String connectorName, List<String> aliases, String description, String displayName, int defaultPort,
            char quote, String duckDbType, String extensionFile, Set<String> systemSchemas) {
        this.connectorName = connectorName;
        this.aliases = aliases;
        this.description = description;
        this.displayName = displayName;
        this.defaultPort = defaultPort;
        this.quote = quote;
        this.duckDbType = duckDbType;
        this.extensionFile = extensionFile;
        this.systemSchemas = systemSchemas;
    }

    public String connectorName() {
        return connectorName;
    }

    public List<String> aliases() {
        return aliases;
    }

    public String description() {
        return description;
    }

    /** How the database is called in messages. */
    public String displayName() {
        return displayName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** DuckDB's ATTACH {@code TYPE} and extension name. */
    public String duckDbType() {
        return duckDbType;
    }

    /** Base name of the DuckDB extension file ({@code <name>.duckdb_extension}). */
    public String extensionFile() {
        return extensionFile;
    }

    /** True for schemas (or MySQL databases) that belong to the database system itself. */
    public boolean isSystemSchema(String schema) {
        if (schema == null) {
            return false;
        }
        String lower = schema.toLowerCase(java.util.Locale.ROOT);
        return systemSchemas.contains(lower) || (this == POSTGRES && (lower.startsWith("pg_temp_") || lower.startsWith("pg_toast_temp_")));
    }

    /** Quotes an identifier for this database's own SQL dialect, doubling embedded quote characters. */
    public String quote(String identifier) {
        String q = String.valueOf(quote);
        return q + identifier.replace(q, q + q) + q;
    }

    /** The kind whose connector answers to this name or alias. */
    public static DatabaseKind forConnector(String name) {
        for (DatabaseKind kind : values()) {
            if (kind.connectorName.equals(name) || kind.aliases.contains(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a database connector: " + name);
    }
}
