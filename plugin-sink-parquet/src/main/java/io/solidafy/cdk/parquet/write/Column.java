package io.solidafy.cdk.parquet.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * One materialized column (or group of columns) of a part file and how a JSON value is written
 * into it. Built by {@link ParquetSchema} together with the matching Parquet type, so the writer
 * never consults the schema per record.
 */
sealed interface Column permits Column.Leaf, Column.Group, Column.ListColumn {

    /** The field name in the enclosing group. */
    String name();

    /** Writes a non-null value. */
    void write(JsonNode value, RecordConsumer out);

    /** How a leaf turns a JSON value into a Parquet value. */
    enum LeafKind {
        BOOLEAN, LONG, DOUBLE, STRING, TEXT, JSON
    }

    /** A primitive column. */
    record Leaf(String name, LeafKind kind) implements Column {
        @Override
        public void write(JsonNode value, RecordConsumer out) {
            switch (kind) {
                case BOOLEAN -> out.addBoolean(value.booleanValue());
                case LONG -> out.addLong(value.longValue());
                case DOUBLE -> out.addDouble(value.doubleValue());
                case STRING -> out.addBinary(Binary.fromString(value.textValue()));
                case TEXT -> out.addBinary(Binary.fromString(value.isTextual() ? value.textValue() : value.toString()));
                case JSON -> out.addBinary(Binary.fromString(value.toString()));
                default -> throw new IllegalStateException("unknown leaf kind " + kind);
            }
        }
    }

    /** A struct: its fields in schema order; absent or null fields are left undefined. */
    record Group(String name, List<Column> fields) implements Column {
        public Group {
            fields = List.copyOf(fields);
        }

        @Override
        public void write(JsonNode value, RecordConsumer out) {
            out.startGroup();
            writeFields(value, out);
            out.endGroup();
        }

        /** Writes the fields of {@code value} (also used for the message itself). */
        void writeFields(JsonNode value, RecordConsumer out) {
            for (int i = 0; i < fields.size(); i++) {
                Column field = fields.get(i);
                JsonNode v = value.get(field.name());
                if (v != null && !v.isNull()) {
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
