package io.solidafy.cdk.database.types;

import java.util.Objects;

/**
 * One column of a table as the catalog describes it.
 *
 * @param name     column name
 * @param typeName the database's type name (for humans and the schema)
 * @param kind     how values become JSON
 * @param nullable false only when the database guarantees NOT NULL
 */
public record ColumnInfo(String name, String typeName, ValueKind kind, boolean nullable) {

    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        typeName = typeName == null ? "" : typeName;
        Objects.requireNonNull(kind, "kind");
    }
}
