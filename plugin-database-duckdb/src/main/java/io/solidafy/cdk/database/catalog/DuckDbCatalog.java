package io.solidafy.cdk.database.catalog;

import io.solidafy.cdk.database.types.ColumnInfo;
import io.solidafy.cdk.database.types.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The catalog of a database attached to DuckDB under an alias, read from DuckDB's
 * information_schema and {@code duckdb_constraints()} with bound parameters. Nested DuckDB types
 * (lists, structs, maps) are selected through {@code to_json} so they arrive as JSON.
 */
public final class DuckDbCatalog implements Catalog {

    private static final List<String> SYSTEM_SCHEMAS = List.of("information_schema", "pg_catalog");

    private final String alias;
    private final boolean schemaInStreamName;
    private final Predicate<String> systemSchema;

    /**
     * @param alias              the name the database is attached under
     * @param schemaInStreamName true: streams are {@code schema.table}; false: the {@code main}
     *                           schema's tables are plain {@code table} (SQLite and DuckDB files)
     * @param systemSchema       schemas of the attached database system to leave out
     */
    public DuckDbCatalog(String alias, boolean schemaInStreamName, Predicate<String> systemSchema) {
        this.alias = alias;
        this.schemaInStreamName = schemaInStreamName;
        this.systemSchema = systemSchema;
    }

    @Override
    public List<TableRef> tables(Connection connection, boolean includeViews) throws SQLException {
        String sql = "SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE table_catalog = ?"
                + " ORDER BY table_schema, table_name";
        List<TableRef> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, alias);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String schema = rows.getString(1);
                    String name = rows.getString(2);
                    boolean view = rows.getString(3).toUpperCase(Locale.ROOT).contains("VIEW");
                    if (SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT)) || systemSchema.test(schema) || (view && !includeViews)
                            || name.startsWith("sqlite_")) {
                        continue;
                    }
                    String stream = schemaInStreamName || !schema.equals("main") ? StreamNaming.of(schema, name) : StreamNaming.of(name);
                    tables.add(new TableRef(alias, schema, name, stream, view));
                }
            }
        }
        return tables;
    }

    @Override
    public List<ColumnInfo> columns(Connection connection, TableRef table) throws SQLException {
        String sql = "SELECT column_name, data_type, is_nullable FROM information_schema.columns"
                + " WHERE table_catalog = ? AND table_schema = ? AND table_name = ? ORDER BY ordinal_position";
        List<ColumnInfo> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, alias);
            statement.setString(2, table.schema());
            statement.setString(3, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(2);
                    columns.add(new ColumnInfo(rows.getString(1), type, classify(type), !"NO".equalsIgnoreCase(rows.getString(3))));
                }
            }
        }
        return columns;
    }

    @Override
    public List<String> primaryKey(Connection connection, TableRef table) throws SQLException {
        String sql = "SELECT constraint_column_names FROM duckdb_constraints()"
                + " WHERE database_name = ? AND schema_name = ? AND table_name = ? AND constraint_type = 'PRIMARY KEY'";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, alias);
            statement.setString(2, table.schema());
            statement.setString(3, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return List.of();
                }
                Array names = rows.getArray(1);
                List<String> key = new ArrayList<>();
                for (Object name : (Object[]) names.getArray()) {
                    key.add(String.valueOf(name));
                }
                return key;
            }
        }
    }

    @Override
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String qualifiedName(TableRef table) {
        return quote(alias) + "." + quote(table.schema()) + "." + quote(table.name());
    }

    @Override
    public String selectExpression(ColumnInfo column) {
        return nested(column.typeName()) ? "to_json(" + quote(column.name()) + ")" : quote(column.name());
    }

    @Override
    public ValueKind readKind(ColumnInfo column) {
        return nested(column.typeName()) ? ValueKind.JSON : column.kind();
    }

    private static boolean nested(String type) {
        String upper = type.toUpperCase(Locale.ROOT);
        return upper.endsWith("]") || upper.startsWith("STRUCT") || upper.startsWith("MAP") || upper.startsWith("UNION");
    }

    /** DuckDB's type names to value kinds. */
    static ValueKind classify(String duckDbType) {
        String type = duckDbType.toUpperCase(Locale.ROOT);
        if (type.endsWith("]")) {
            return ValueKind.ARRAY;
        }
        if (type.startsWith("STRUCT") || type.startsWith("MAP") || type.startsWith("UNION") || type.equals("JSON")) {
            return ValueKind.JSON;
        }
        if (type.startsWith("DECIMAL") || type.startsWith("NUMERIC")) {
            return ValueKind.DECIMAL;
        }
        if (type.startsWith("TIMESTAMP WITH TIME ZONE") || type.equals("TIMESTAMPTZ")) {
            return ValueKind.TIMESTAMPTZ;
        }
        if (type.startsWith("TIMESTAMP") || type.equals("DATETIME")) {
            return ValueKind.TIMESTAMP;
        }
        if (type.startsWith("TIME")) {
            return ValueKind.TIME;
        }
        return switch (type) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER", "INT1", "INT2", "INT4", "INT8" ->
                    ValueKind.INTEGER;
            case "UBIGINT", "HUGEINT", "UHUGEINT" -> ValueKind.BIG_INTEGER;
            case "FLOAT", "DOUBLE", "REAL" -> ValueKind.FLOAT;
            case "BOOLEAN" -> ValueKind.BOOLEAN;
            case "DATE" -> ValueKind.DATE;
            case "BLOB", "BYTEA", "BIT" -> type.equals("BIT") ? ValueKind.OTHER : ValueKind.BINARY;
            case "VARCHAR", "TEXT", "STRING" -> ValueKind.STRING;
            default -> ValueKind.OTHER;
        };
    }
}
