package io.solidafy.cdk.database.catalog;

import io.solidafy.cdk.database.DatabaseKind;
import io.solidafy.cdk.database.types.ColumnInfo;
import io.solidafy.cdk.database.types.TypeClassifier;
import io.solidafy.cdk.database.types.ValueKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The catalog as the database's own JDBC driver reports it ({@link DatabaseMetaData}). MySQL
 * databases are JDBC catalogs, PostgreSQL schemas are JDBC schemas, SQLite has neither.
 */
public final class JdbcCatalog implements Catalog {

    private final DatabaseKind kind;
    private final Optional<String> database;

    /**
     * @param database for MySQL, the one database to list (empty: every non-system database)
     */
    public JdbcCatalog(DatabaseKind kind, Optional<String> database) {
        this.kind = kind;
        this.database = database;
    }

    @Override
    public List<TableRef> tables(Connection connection, boolean includeViews) throws SQLException {
        List<String> types = new ArrayList<>(List.of("TABLE"));
        if (kind == DatabaseKind.POSTGRES) {
            types.add("PARTITIONED TABLE");
        }
        if (includeViews) {
            types.add("VIEW");
            if (kind == DatabaseKind.POSTGRES) {
                types.add("MATERIALIZED VIEW");
            }
        }
        String catalog = kind == DatabaseKind.MYSQL ? database.orElse(null) : null;
        Set<String> partitions = kind == DatabaseKind.POSTGRES ? postgresPartitions(connection) : Set.of();
        TreeMap<String, TableRef> tables = new TreeMap<>();
        try (ResultSet rows = connection.getMetaData().getTables(catalog, null, "%", types.toArray(String[]::new))) {
            while (rows.next()) {
                String cat = rows.getString("TABLE_CAT");
                String schema = rows.getString("TABLE_SCHEM");
                String name = rows.getString("TABLE_NAME");
                boolean view = rows.getString("TABLE_TYPE").toUpperCase(java.util.Locale.ROOT).contains("VIEW");
                TableRef table = switch (kind) {
                    case POSTGRES -> kind.isSystemSchema(schema) ? null : new TableRef(null, schema, name, StreamNaming.of(schema, name), view);
                    case MYSQL -> cat == null || kind.isSystemSchema(cat) ? null : new TableRef(cat, null, name, StreamNaming.of(cat, name), view);
                    case SQLITE -> name.startsWith("sqlite_") ? null : new TableRef(null, null, name, StreamNaming.of(name), view);
                };
                if (table != null && !partitions.contains(table.streamName())) {
                    TableRef other = tables.putIfAbsent(table.streamName(), table);
                    if (other != null) {
                        throw StreamNaming.clash(other, table);
                    }
                }
            }
        }
        return List.copyOf(tables.values());
    }

    /**
     * PostgreSQL partitions ({@code schema.table}): their rows are read through the partitioned
     * parent, so offering them too would read every row twice.
     */
    private static Set<String> postgresPartitions(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        String sql = "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relispartition";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(StreamNaming.of(rows.getString(1), rows.getString(2)));
            }
        }
        return names;
    }

    @Override
    public List<ColumnInfo> columns(Connection connection, TableRef table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<ColumnInfo> columns = new ArrayList<>();
        TreeMap<Integer, ColumnInfo> ordered = new TreeMap<>();
        try (ResultSet rows = meta.getColumns(table.catalog(), pattern(meta, table.schema()), pattern(meta, table.name()), "%")) {
            while (rows.next()) {
                // the arguments are LIKE patterns: keep only exact matches
                if (!table.name().equals(rows.getString("TABLE_NAME"))
                        || (table.schema() != null && !table.schema().equals(rows.getString("TABLE_SCHEM")))) {
                    continue;
                }
                String typeName = rows.getString("TYPE_NAME");
                ValueKind valueKind = kind == DatabaseKind.SQLITE
                        ? TypeClassifier.sqliteAffinity(typeName)
                        : TypeClassifier.classify(rows.getInt("DATA_TYPE"), typeName, rows.getInt("COLUMN_SIZE"));
                boolean nullable = rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
                ordered.put(rows.getInt("ORDINAL_POSITION"), new ColumnInfo(rows.getString("COLUMN_NAME"), typeName, valueKind, nullable));
            }
        }
        columns.addAll(ordered.values());
        return columns;
    }

    @Override
    public List<String> primaryKey(Connection connection, TableRef table) throws SQLException {
        TreeMap<Integer, String> key = new TreeMap<>();
        try (ResultSet rows = connection.getMetaData().getPrimaryKeys(table.catalog(), table.schema(), table.name())) {
            while (rows.next()) {
                key.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(key.values());
    }

    @Override
    public String quote(String identifier) {
        return kind.quote(identifier);
    }

    /**
     * MariaDB dates and timestamps are selected as their text ({@code CAST(x AS CHAR)}, the very text
     * the server sends for the column itself): Connector/J then hands out its bytes, where for a
     * DATETIME or DATE column it parses every value through its codecs, a third of a row's cost.
     */
    @Override
    public String selectExpression(ColumnInfo column) {
        boolean temporal = column.kind() == ValueKind.DATE || column.kind() == ValueKind.TIMESTAMP;
        return kind == DatabaseKind.MYSQL && temporal ? "CAST(" + quote(column.name()) + " AS CHAR)" : quote(column.name());
    }

    @Override
    public String qualifiedName(TableRef table) {
        StringBuilder name = new StringBuilder();
        if (table.catalog() != null) {
            name.append(quote(table.catalog())).append('.');
        }
        if (table.schema() != null) {
            name.append(quote(table.schema())).append('.');
        }
        return name.append(quote(table.name())).toString();
    }

    @Override
    public ValueKind readKind(ColumnInfo column) {
        // SQLite types each value, not the column: read what is stored
        return kind == DatabaseKind.SQLITE ? ValueKind.DYNAMIC : column.kind();
    }

    /** Escapes LIKE wildcards so a name matches itself only (as far as the driver honours it). */
    private static String pattern(DatabaseMetaData meta, String name) throws SQLException {
        if (name == null) {
            return null;
        }
        String escape = meta.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
