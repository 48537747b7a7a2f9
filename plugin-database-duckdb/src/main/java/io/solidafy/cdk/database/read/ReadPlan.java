package io.solidafy.cdk.database.read;

import io.solidafy.cdk.database.catalog.Catalog;
import io.solidafy.cdk.database.catalog.TableRef;
import io.solidafy.cdk.database.types.ColumnInfo;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The query reading one table: every column, quoted; with a cursor column, {@code WHERE cursor >=
 * ?} (only when a saved cursor exists) and {@code ORDER BY cursor}, so rows sharing the boundary
 * value are read again rather than lost.
 *
 * @param columns     the columns selected, in order
 * @param cursor      the cursor column, if the stream is incremental
 * @param hasBoundary true when the query has the {@code >= ?} parameter
 * @param sql         the statement
 */
public record ReadPlan(List<ColumnInfo> columns, Optional<ColumnInfo> cursor, boolean hasBoundary, String sql) {

    public static ReadPlan of(Catalog catalog, TableRef table, List<ColumnInfo> columns, Optional<ColumnInfo> cursor,
            boolean hasBoundary) {
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(columns.stream().map(catalog::selectExpression).collect(Collectors.joining(", ")));
        sql.append(" FROM ").append(catalog.qualifiedName(table));
        if (cursor.isPresent()) {
            String column = catalog.quote(cursor.get().name());
            if (hasBoundary) {
                sql.append(" WHERE ").append(column).append(" >= ?");
            }
            sql.append(" ORDER BY ").append(column);
        }
        return new ReadPlan(List.copyOf(columns), cursor, hasBoundary && cursor.isPresent(), sql.toString());
    }
}
