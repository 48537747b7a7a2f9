package io.solidafy.cdk.parquet.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The inferred type of a JSON value, as precise as the records seen so far allow. Types only ever
 * widen (see {@link TypeMerger}), so a column never loses information it already held.
 */
public sealed interface FieldType permits FieldType.Scalar, FieldType.Struct, FieldType.ListOf {

    /** Leaf kinds. */
    enum Kind {
        /** Only nulls seen: no column is written for it. */
        NULL,
        BOOLEAN,
        /** Integers within +-2^53, exactly representable as a double too. */
        LONG,
        /** Some integer beyond +-2^53: still int64, but widening to double would lose digits. */
        BIG_LONG,
        DOUBLE,
        /** Strings only. */
        STRING,
        /** A string column that later met other values: strings verbatim, the others as JSON text. */
        TEXT,
        /** Any JSON value, stored as JSON text (Parquet JSON logical type). */
        JSON
    }

    /** A leaf value. */
    record Scalar(Kind kind) implements FieldType {
        public static final Scalar NULL = new Scalar(Kind.NULL);
        public static final Scalar BOOLEAN = new Scalar(Kind.BOOLEAN);
        public static final Scalar LONG = new Scalar(Kind.LONG);
        public static final Scalar BIG_LONG = new Scalar(Kind.BIG_LONG);
        public static final Scalar DOUBLE = new Scalar(Kind.DOUBLE);
        public static final Scalar STRING = new Scalar(Kind.STRING);
        public static final Scalar TEXT = new Scalar(Kind.TEXT);
        public static final Scalar JSON = new Scalar(Kind.JSON);

        public Scalar {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** A JSON object with known fields, in first-seen order. */
    record Struct(Map<String, FieldType> fields) implements FieldType {
        public static final Struct EMPTY = new Struct(Map.of());

        public Struct {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** A JSON array whose elements all fit {@code element}. */
    record ListOf(FieldType element) implements FieldType {
        public ListOf {
            Objects.requireNonNull(element, "element");
        }
    }

    /** True for a type that holds no information yet (only nulls seen). */
    default boolean isNull() {
        return this instanceof Scalar s && s.kind() == Kind.NULL;
    }
}
