package io.solidafy.cdk.database.types;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The JSON schema of a table's records, derived from its columns. */
public final class JsonSchemas {

    private JsonSchemas() {}

    public static ObjectNode of(List<ColumnInfo> columns) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode schema = nodes.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (ColumnInfo column : columns) {
            properties.set(column.name(), property(column));
        }
        return schema;
    }

    private static ObjectNode property(ColumnInfo column) {
        ObjectNode property = JsonNodeFactory.instance.objectNode();
        String type = switch (column.kind()) {
            case INTEGER, BIG_INTEGER -> "integer";
            case DECIMAL, FLOAT -> "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case JSON, DYNAMIC -> null;
            default -> "string";
        };
        if (type != null) {
            if (column.nullable()) {
                property.putArray("type").add(type).add("null");
            } else {
                property.put("type", type);
            }
        }
        switch (column.kind()) {
            case DATE -> property.put("format", "date");
            case TIMESTAMP, TIMESTAMPTZ -> property.put("format", "date-time");
            case TIME -> property.put("format", "time");
            case BINARY -> property.put("contentEncoding", "base64");
            default -> { }
        }
        property.put("x-db-type", column.typeName());
        return property;
    }
}
