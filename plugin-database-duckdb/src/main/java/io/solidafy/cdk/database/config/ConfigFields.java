package io.solidafy.cdk.database.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.solidafy.cdk.database.DatabaseKind;
import io.solidafy.cdk.spi.ConfigField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The config fields each database connector declares. None is required: either connection_string
 * or host/... may be given, and {@link DatabaseConfig#from} checks the combination.
 */
public final class ConfigFields {

    private ConfigFields() {}

    public static List<ConfigField> of(DatabaseKind kind) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        List<ConfigField> fields = new ArrayList<>();
        if (kind == DatabaseKind.SQLITE) {
            fields.add(field("connection_string", "string", false, "SQLite database file path (alternative to path)"));
            fields.add(field("path", "string", false, "Path to the SQLite database file (a .duckdb file is read natively by DuckDB)"));
        } else {
            String display = kind.displayName();
            fields.add(field("connection_string", "string", true, display + " connection string, e.g. "
                    + ConnectionStringParser.example(kind)));
            fields.add(field("host", "string", false, display + " host (instead of connection_string)"));
            fields.add(field("port", "integer", false, display + " port (default " + kind.defaultPort() + ")"));
            fields.add(field("database", "string", false, "Database name"));
            fields.add(field("user", "string", false, "User name"));
            fields.add(field("password", "string", true, "Password"));
            fields.add(field("ssl_mode", "string", false, "disable, allow, prefer, require, verify-ca or verify-full"));
        }
        fields.add(ConfigField.optional("engine", "string", "auto (DuckDB when its extension is available, else JDBC), duckdb or jdbc",
                nodes.textNode("auto")));
        fields.add(ConfigField.optional("include_views", "boolean", "Also offer views as streams", nodes.booleanNode(false)));
        fields.add(ConfigField.optional("cursor_fields", "object",
                "Incremental cursor column per stream, e.g. {\"public.orders\": \"created_at\"}", null));
        fields.add(ConfigField.optional("fetch_size", "integer", "Rows fetched per round trip",
                nodes.numberNode(DatabaseConfig.DEFAULT_FETCH_SIZE)));
        fields.add(ConfigField.optional("checkpoint_interval", "integer", "Rows between state checkpoints of an incremental read",
                nodes.numberNode(DatabaseConfig.DEFAULT_CHECKPOINT_INTERVAL)));
        fields.add(ConfigField.optional("extension_directory", "string", "DuckDB extension directory holding the "
                + kind.duckDbType() + " extension", null));
        fields.add(ConfigField.optional("extension_repository", "string",
                "DuckDB extension repository (URL or local directory) to install the " + kind.duckDbType() + " extension from", null));
        fields.add(ConfigField.optional("duckdb_memory_limit", "string", "Memory limit of the embedded DuckDB (e.g. 256MB, 2GB)",
                nodes.textNode(DatabaseConfig.DEFAULT_DUCKDB_MEMORY_LIMIT)));
        return List.copyOf(fields);
    }

    private static ConfigField field(String name, String type, boolean secret, String description) {
        return new ConfigField(name, type, false, secret, description, Optional.empty());
    }
}
