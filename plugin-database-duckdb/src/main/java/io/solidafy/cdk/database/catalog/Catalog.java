package io.solidafy.cdk.database.catalog;

import io.solidafy.cdk.database.types.ColumnInfo;
import io.solidafy.cdk.database.types.ValueKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What an engine knows about the database's tables and how it writes SQL about them. Every name
 * that goes into SQL passes through {@link #quote}; every value is a bound parameter.
 */
public interface Catalog {

    /** User tables (and views when asked), system schemas excluded, in a stable order. */
    List<TableRef> tables(Connection connection, boolean includeViews) throws SQLException;

    /** The table's columns in their declared order; empty when the table does not exist. */
    List<ColumnInfo> columns(Connection connection, TableRef table) throws SQLException;

    /** The primary key's columns in key order; empty when there is none. */
    List<String> primaryKey(Connection connection, TableRef table) throws SQLException;

    /** A quoted identifier (embedded quote characters doubled). */
    String quote(String identifier);

    /** The table's fully qualified, quoted name for a FROM clause. */
    String qualifiedName(TableRef table);

    /** The SELECT-list expression reading this column. */
    default String selectExpression(ColumnInfo column) {
        return quote(column.name());
    }

    /** How the value produced by {@link #selectExpression} is read. */
    default ValueKind readKind(ColumnInfo column) {
        return column.kind();
    }
}
