package io.solidafy.cdk.parquet.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.parquet.schema.FieldType.ListOf;
import io.solidafy.cdk.parquet.schema.FieldType.Scalar;
import io.solidafy.cdk.parquet.schema.FieldType.Struct;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a stream's JSON schema into the starting {@link FieldType} of its records. What the schema
 * leaves open (no {@code type}, objects without {@code properties}) stays {@link Scalar#NULL} and is
 * inferred from the records; records that contradict the schema widen it like any other record.
 * Date-time strings stay strings, which keeps their text (offset, precision) exactly.
 */
public final class JsonSchemaTypes {

    private final TypeMerger merger;

    public JsonSchemaTypes(TypeMerger merger) {
        this.merger = merger;
    }

    /** The record type described by {@code schema}; an empty struct when it describes no properties. */
    public Struct recordType(JsonNode schema) {
        return typeOf(schema) instanceof Struct struct ? struct : Struct.EMPTY;
    }

    FieldType typeOf(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return Scalar.NULL;
        }
        for (String combinator : new String[] {"anyOf", "oneOf"}) {
            JsonNode options = schema.get(combinator);
            if (options != null && options.isArray()) {
                FieldType merged = Scalar.NULL;
                for (JsonNode option : options) {
                    merged = merger.merge(merged, typeOf(option));
                }
                return merged;
            }
        }
        JsonNode type = schema.get("type");
        FieldType merged = Scalar.NULL;
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                merged = merger.merge(merged, named(t.asText(), schema));
            }
        } else if (type != null && type.isTextual()) {
            merged = named(type.asText(), schema);
        }
        return merged;
    }

    private FieldType named(String type, JsonNode schema) {
        return switch (type) {
            case "integer" -> Scalar.LONG;
            case "number" -> Scalar.DOUBLE;
            case "boolean" -> Scalar.BOOLEAN;
            case "string" -> Scalar.STRING;
            case "array" -> new ListOf(typeOf(schema.get("items")));
            case "object" -> objectType(schema.get("properties"));
            default -> Scalar.NULL; // "null" or unknown: learn from the records
        };
    }

    private FieldType objectType(JsonNode properties) {
        if (properties == null || !properties.isObject() || properties.isEmpty()) {
            return Scalar.NULL;
        }
        Map<String, FieldType> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : properties.properties()) {
            if (e.getKey().isEmpty()) {
                return Scalar.JSON; // as TypeMerger: no struct with an unnamed field
            }
            fields.put(e.getKey(), typeOf(e.getValue()));
        }
        return new Struct(fields);
    }
}
