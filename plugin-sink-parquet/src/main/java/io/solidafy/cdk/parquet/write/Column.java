package io.solidafy.cdk.parquet.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.parquet.schema.TypeMerger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * One materialized column (or group of columns) of a part file: whether a JSON value fits it
 * without loss, and how it is written. Built by {@link ParquetSchema} together with the matching
 * Parquet type, so the writer never consults the schema per record.
 */
sealed interface Column permits Column.Leaf, Column.Group, Column.ListColumn {

    /** The field name in the enclosing group. */
    String name();

    /** True when the non-null {@code value} can be written into this column without loss. */
    boolean fits(JsonNode value);

    /** Writes a non-null value that {@link #fits}. */
    void write(JsonNode value, RecordConsumer out);

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

        @Override
        public void write(JsonNode value, RecordConsumer out) {
            switch (kind) {
                case BOOLEAN -> out.addBoolean(value.booleanValue());
                case LONG -> out.addLong(value.longValue());
                case DOUBLE -> out.addDouble(value.doubleValue());
                case STRING -> addString(value.textValue(), out);
                case TEXT -> addString(value.isTextual() ? value.textValue() : value.toString(), out);
                case JSON -> addString(value.toString(), out);
                default -> throw new IllegalStateException("unknown leaf kind " + kind);
            }
        }

        private static void addString(String value, RecordConsumer out) {
            out.addBinary(Binary.fromString(value));
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
        private int position(String field, int guess) {
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

        @Override
        public void write(JsonNode value, RecordConsumer out) {
            out.startGroup();
            writeFields(value, out);
            out.endGroup();
        }

        /** Writes the fields of {@code value} (also used for the message itself), in schema order. */
        void writeFields(JsonNode value, RecordConsumer out) {
            JsonNode[] slots = new JsonNode[fields.size()];
            int guess = 0;
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                int position = position(e.getKey(), guess);
                guess = position + 1;
                if (position >= 0) {
                    slots[position] = e.getValue();
                }
            }
            for (int i = 0; i < slots.length; i++) {
                JsonNode v = slots[i];
                if (v != null && !v.isNull()) {
                    Column field = fields.get(i);
                    out.startField(field.name(), i);
                    field.write(v, out);
                    out.endField(field.name(), i);
                }
            }
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

        @Override
        public void write(JsonNode value, RecordConsumer out) {
            out.startGroup();
            if (!value.isEmpty()) {
                out.startField(LIST, 0);
                for (JsonNode item : value) {
                    out.startGroup();
                    if (item != null && !item.isNull()) {
                        out.startField(element.name(), 0);
                        element.write(item, out);
                        out.endField(element.name(), 0);
                    }
                    out.endGroup();
                }
                out.endField(LIST, 0);
            }
            out.endGroup();
        }
    }
}
