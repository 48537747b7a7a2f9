package io.solidafy.cdk.parquet.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.parquet.schema.TypeMerger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One materialized column (or group of columns) of a part file: whether a JSON value fits it
 * without loss ({@link Shredder} writes it). Built by {@link ParquetSchema} together with the matching
 * Parquet type, so the writer never consults the schema per record.
 */
sealed interface Column permits Column.Leaf, Column.Group, Column.ListColumn {

    /** The field name in the enclosing group. */
    String name();

    /** True when the non-null {@code value} can be written into this column without loss. */
    boolean fits(JsonNode value);

    /** How a leaf turns a JSON value into a Parquet value. */
    enum LeafKind {
        BOOLEAN, LONG, DOUBLE, STRING, TEXT, JSON
    }

    /** A primitive column. */
    record Leaf(String name, LeafKind kind) implements Column {
        @Override
        public boolean fits(JsonNode value) {
            return switch (kind) {
                case BOOLEAN -> value.isBoolean();
                case LONG -> value.isIntegralNumber() && value.canConvertToLong();
                case DOUBLE -> TypeMerger.fitsDouble(value);
                case STRING -> value.isTextual();
                case TEXT, JSON -> true;
            };
        }
    }

    /**
     * A struct: its fields in schema order; absent or null fields are left undefined. Records of
     * one source nearly always list their fields in the same order, so a record's fields are
     * matched to columns by walking both in step, falling back to a name index when they differ.
     */
    record Group(String name, List<Column> fields, Map<String, Integer> positions) implements Column {

        Group(String name, List<Column> fields) {
            this(name, List.copyOf(fields), index(fields));
        }

        public Group {
            fields = List.copyOf(fields);
            positions = Map.copyOf(positions);
        }

        private static Map<String, Integer> index(List<Column> fields) {
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                positions.put(fields.get(i).name(), i);
            }
            return positions;
        }

        /** The column position of {@code field}, or -1; {@code guess} is tried first. */
        int position(String field, int guess) {
            if (guess < fields.size()) {
                String expected = fields.get(guess).name();
                if (expected == field || expected.equals(field)) {
                    return guess;
                }
            }
            Integer position = positions.get(field);
            return position == null ? -1 : position;
        }

        @Override
        public boolean fits(JsonNode value) {
            if (!value.isObject()) {
                return false;
            }
            int guess = 0;
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                JsonNode v = e.getValue();
                int position = position(e.getKey(), guess);
                guess = position + 1;
                if (v.isNull()) {
                    continue;
                }
                if (position < 0 || !fields.get(position).fits(v)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A three-level Parquet LIST: {@code <name> (LIST) { repeated group list { optional element } }}. */
    record ListColumn(String name, Column element) implements Column {
        static final String LIST = "list";

        @Override
        public boolean fits(JsonNode value) {
            if (!value.isArray()) {
                return false;
            }
            for (JsonNode item : value) {
                if (!item.isNull() && !element.fits(item)) {
                    return false;
                }
            }
            return true;
        }
    }
}
