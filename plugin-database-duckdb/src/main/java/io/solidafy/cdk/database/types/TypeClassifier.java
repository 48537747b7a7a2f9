package io.solidafy.cdk.database.types;

import java.sql.Types;
import java.util.Locale;

/**
 * Maps a column's JDBC type code and type name to a {@link ValueKind}. The same rules serve the
 * database drivers (PgJDBC, MariaDB, SQLite) and DuckDB, whose type names it also knows.
 */
public final class TypeClassifier {

    private TypeClassifier() {}

    /**
     * @param jdbcType  {@link java.sql.Types} code
     * @param typeName  the database's type name
     * @param precision the column's precision or size (used to tell MySQL BIT(1) from BIT(n))
     */
    public static ValueKind classify(int jdbcType, String typeName, int precision) {
        String type = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT).trim();
        if (type.equals("json") || type.equals("jsonb")) {
            return ValueKind.JSON;
        }
        if (jdbcType == Types.ARRAY || type.startsWith("_") || type.endsWith("[]")) {
            return ValueKind.ARRAY;
        }
        if (type.equals("hugeint") || type.equals("uhugeint") || type.equals("ubigint") || type.contains("bigint unsigned")) {
            return ValueKind.BIG_INTEGER;
        }
        if (type.equals("money")) {
            return ValueKind.OTHER;
        }
        if (type.equals("timestamptz") || type.equals("timestamp with time zone")) {
            return ValueKind.TIMESTAMPTZ;
        }
        if (type.equals("bool") || type.equals("boolean")) {
            return ValueKind.BOOLEAN;
        }
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ValueKind.INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> ValueKind.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> ValueKind.FLOAT;
            case Types.BOOLEAN -> ValueKind.BOOLEAN;
            case Types.BIT -> precision <= 1 ? ValueKind.BOOLEAN : ValueKind.OTHER;
            case Types.DATE -> type.equals("year") ? ValueKind.INTEGER : ValueKind.DATE;
            case Types.TIMESTAMP -> ValueKind.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> ValueKind.TIMESTAMPTZ;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> ValueKind.TIME;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ValueKind.BINARY;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB,
                    Types.NCLOB -> ValueKind.STRING;
            default -> ValueKind.OTHER;
        };
    }

    /**
     * The kind SQLite's declared type suggests (its type affinity), used for schemas and cursor
     * binding; values themselves are read {@link ValueKind#DYNAMIC}ally.
     */
    public static ValueKind sqliteAffinity(String declaredType) {
        String type = declaredType == null ? "" : declaredType.toUpperCase(Locale.ROOT);
        if (type.contains("INT")) {
            return ValueKind.INTEGER;
        }
        if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT")) {
            return ValueKind.STRING;
        }
        if (type.isEmpty() || type.contains("BLOB")) {
            return type.isEmpty() ? ValueKind.OTHER : ValueKind.BINARY;
        }
        if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
            return ValueKind.FLOAT;
        }
        if (type.contains("BOOL")) {
            return ValueKind.BOOLEAN;
        }
        if (type.contains("DATE") || type.contains("TIME")) {
            return ValueKind.STRING; // SQLite keeps dates as the text (or number) the application stored
        }
        return ValueKind.DECIMAL;
    }
}
