package io.solidafy.cdk.parquet.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.parquet.schema.FieldType.Kind;
import io.solidafy.cdk.parquet.schema.FieldType.ListOf;
import io.solidafy.cdk.parquet.schema.FieldType.Scalar;
import io.solidafy.cdk.parquet.schema.FieldType.Struct;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Infers {@link FieldType}s from JSON values, widens them, and checks whether a value fits a type.
 *
 * <p>Widening is directional because earlier part files already hold the narrower type and
 * readers combine parts by column name ({@code union_by_name}): a string column that meets other
 * values becomes {@link Kind#TEXT} (still a plain string column, so it combines with the strings
 * already written), any other column becomes {@link Kind#JSON} (JSON logical type, which DuckDB
 * combines with structs, lists, numbers and booleans). Integers widen to doubles only while they
 * are exactly representable.
 */
public final class TypeMerger {

    /** Largest magnitude below which every integer is exactly representable as a double. */
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    /** Objects with more keys than this are maps in disguise: stored as JSON text, not columns. */
    private final int maxStructFields;

    /** @param maxStructFields above this many fields an object becomes a JSON text column */
    public TypeMerger(int maxStructFields) {
        this.maxStructFields = maxStructFields;
    }

    /** The narrowest type that holds {@code value}. */
    public FieldType typeOf(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Scalar.NULL;
        }
        if (value.isTextual()) {
            return Scalar.STRING;
        }
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                return Scalar.JSON;
            }
            long v = value.longValue();
            return v >= -EXACT_DOUBLE_LIMIT && v <= EXACT_DOUBLE_LIMIT ? Scalar.LONG : Scalar.BIG_LONG;
        }
        if (value.isNumber()) {
            return fitsDouble(value) ? Scalar.DOUBLE : Scalar.JSON;
        }
        if (value.isBoolean()) {
            return Scalar.BOOLEAN;
        }
        if (value.isObject()) {
            if (value.size() > maxStructFields) {
                return Scalar.JSON;
            }
            Map<String, FieldType> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                if (e.getKey().isEmpty()) {
                    return Scalar.JSON; // readers (DuckDB) cannot bind a struct with an unnamed field
                }
                fields.put(e.getKey(), typeOf(e.getValue()));
            }
            return new Struct(fields);
        }
        if (value.isArray()) {
            FieldType element = Scalar.NULL;
            for (JsonNode item : value) {
                element = merge(element, typeOf(item));
            }
            return new ListOf(element);
        }
        return Scalar.JSON; // binary or POJO nodes: their JSON text
    }

    /** The type of a whole record: like {@link #typeOf} but never collapsed to JSON, however many fields. */
    public Struct recordTypeOf(JsonNode record) {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : record.properties()) {
            fields.put(e.getKey(), typeOf(e.getValue()));
        }
        return new Struct(fields);
    }

    /** Widens a record type by another: fields are merged, the record itself stays a struct. */
    public Struct mergeRecord(Struct existing, Struct incoming) {
        if (existing.equals(incoming)) {
            return existing;
        }
        Map<String, FieldType> fields = new LinkedHashMap<>(existing.fields());
        incoming.fields().forEach((name, type) -> fields.merge(name, type, this::merge));
        return new Struct(fields);
    }

    /**
     * The narrowest type holding everything {@code existing} and {@code incoming} hold, widening
     * {@code existing} in the direction described on the class.
     */
    public FieldType merge(FieldType existing, FieldType incoming) {
        if (incoming.isNull() || existing.equals(incoming)) {
            return existing;
        }
        if (existing.isNull()) {
            return incoming;
        }
        if (existing instanceof Struct a && incoming instanceof Struct b) {
            return mergeStructs(a, b);
        }
        if (existing instanceof ListOf a && incoming instanceof ListOf b) {
            return new ListOf(merge(a.element(), b.element()));
        }
        if (existing instanceof Scalar a) {
            if (a.kind() == Kind.STRING || a.kind() == Kind.TEXT) {
                return Scalar.TEXT;
            }
            if (incoming instanceof Scalar b) {
                return mergeScalars(a.kind(), b.kind());
            }
        }
        return Scalar.JSON;
    }

    /** True when {@code value} can be written into a column of {@code type} without loss. */
    public boolean fits(FieldType type, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        }
        if (type instanceof Scalar s) {
            return switch (s.kind()) {
                case NULL -> false;
                case BOOLEAN -> value.isBoolean();
                case LONG, BIG_LONG -> value.isIntegralNumber() && value.canConvertToLong();
                case DOUBLE -> fitsDouble(value);
                case STRING -> value.isTextual();
                case TEXT, JSON -> true;
            };
        }
        if (type instanceof Struct struct) {
            if (!value.isObject()) {
                return false;
            }
            Map<String, FieldType> fields = struct.fields();
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                FieldType field = fields.get(e.getKey());
                if (field == null ? !e.getValue().isNull() : !fits(field, e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        ListOf list = (ListOf) type;
        if (!value.isArray()) {
            return false;
        }
        for (JsonNode item : value) {
            if (!fits(list.element(), item)) {
                return false;
            }
        }
        return true;
    }

    private FieldType mergeStructs(Struct a, Struct b) {
        Map<String, FieldType> fields = new LinkedHashMap<>(a.fields());
        b.fields().forEach((name, type) -> fields.merge(name, type, this::merge));
        return fields.size() > maxStructFields ? Scalar.JSON : new Struct(fields);
    }

    private static FieldType mergeScalars(Kind a, Kind b) {
        boolean aInt = a == Kind.LONG || a == Kind.BIG_LONG;
        boolean bInt = b == Kind.LONG || b == Kind.BIG_LONG;
        if (aInt && bInt) {
            return Scalar.BIG_LONG;
        }
        if ((a == Kind.LONG && b == Kind.DOUBLE) || (a == Kind.DOUBLE && b == Kind.LONG)) {
            return Scalar.DOUBLE;
        }
        return Scalar.JSON;
    }

    /** Doubles, exactly representable decimals, and integers within +-2^53. */
    public static boolean fitsDouble(JsonNode value) {
        if (!value.isNumber()) {
            return false;
        }
        if (value.isDouble() || value.isFloat()) {
            return true;
        }
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                return false;
            }
            long v = value.longValue();
            return v >= -EXACT_DOUBLE_LIMIT && v <= EXACT_DOUBLE_LIMIT;
        }
        return fitsDouble(value.decimalValue());
    }

    /** Decimals with up to 15 significant digits, and any other that a double holds exactly. */
    public static boolean fitsDouble(BigDecimal decimal) {
        if (decimal.precision() <= 15 && Math.abs(decimal.scale()) <= 300) {
            return true; // up to 15 significant digits survive the trip through a double
        }
        double d = decimal.doubleValue();
        return Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(decimal) == 0;
    }
}
