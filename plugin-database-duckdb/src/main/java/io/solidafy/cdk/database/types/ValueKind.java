package io.solidafy.cdk.database.types;

/** How a column's values become JSON, decided once per column from its database type. */
public enum ValueKind {
    /** Fits a Java long: JSON number. */
    INTEGER,
    /** Wider integers (unsigned BIGINT, HUGEINT): exact JSON number. */
    BIG_INTEGER,
    /** NUMERIC/DECIMAL: exact JSON number (no binary floating point on the way). */
    DECIMAL,
    /** REAL/DOUBLE: JSON number; NaN and infinities become strings. */
    FLOAT,
    BOOLEAN,
    STRING,
    /** ISO-8601 date {@code 2024-12-15}. */
    DATE,
    /** ISO-8601 local date-time {@code 2024-12-15T10:30:00.5}, no zone. */
    TIMESTAMP,
    /** ISO-8601 instant in UTC {@code 2024-12-15T10:30:00.5Z}. */
    TIMESTAMPTZ,
    /** Time of day as text. */
    TIME,
    /** json/jsonb: nested JSON. */
    JSON,
    /** Arrays/lists: JSON arrays. */
    ARRAY,
    /** bytea/blob: base64 string. */
    BINARY,
    /** SQLite: each value typed by what is stored. */
    DYNAMIC,
    /** Anything else (uuid, interval, enum, inet, ...): the database's text form. */
    OTHER;

    /** True for kinds whose JSON values are numbers. */
    public boolean numeric() {
        return this == INTEGER || this == BIG_INTEGER || this == DECIMAL || this == FLOAT;
    }
}
