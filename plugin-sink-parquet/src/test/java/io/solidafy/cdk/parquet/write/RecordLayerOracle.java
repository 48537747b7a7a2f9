package io.solidafy.cdk.parquet.write;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes a record through Parquet's own record layer (a {@link RecordConsumer} from MessageColumnIO,
 * which derives repetition and definition levels from start/end field and group calls): the
 * independent answer that {@link Shredder}'s levels are checked against.
 */
final class RecordLayerOracle {

    private RecordLayerOracle() {}

    /** Writes one record that {@code schema} fits as one Parquet message. */
    static void write(ParquetSchema schema, JsonNode record, RecordConsumer out) {
        out.startMessage();
        if (schema.wholeRecord()) {
            out.startField(ParquetSchema.WHOLE_RECORD, 0);
            out.addBinary(Binary.fromString(record.toString()));
            out.endField(ParquetSchema.WHOLE_RECORD, 0);
        } else {
            fields(schema.root(), record, out);
        }
        out.endMessage();
    }

    private static void fields(Column.Group group, JsonNode value, RecordConsumer out) {
        JsonNode[] slots = new JsonNode[group.fields().size()];
        int guess = 0;
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            int position = group.position(e.getKey(), guess);
            guess = position + 1;
            if (position >= 0) {
                slots[position] = e.getValue();
            }
        }
        for (int i = 0; i < slots.length; i++) {
            JsonNode v = slots[i];
            if (v != null && !v.isNull()) {
                Column field = group.fields().get(i);
                out.startField(field.name(), i);
                value(field, v, out);
                out.endField(field.name(), i);
            }
        }
    }

    private static void value(Column column, JsonNode value, RecordConsumer out) {
        if (column instanceof Column.Leaf leaf) {
            switch (leaf.kind()) {
                case BOOLEAN -> out.addBoolean(value.booleanValue());
                case LONG -> out.addLong(value.longValue());
                case DOUBLE -> out.addDouble(value.doubleValue());
                case STRING -> out.addBinary(Binary.fromString(value.textValue()));
                case TEXT -> out.addBinary(Binary.fromString(value.isTextual() ? value.textValue() : value.toString()));
                case JSON -> out.addBinary(Binary.fromString(value.toString()));
                default -> throw new IllegalStateException("unknown leaf kind " + leaf.kind());
            }
        } else if (column instanceof Column.Group group) {
            out.startGroup();
            fields(group, value, out);
            out.endGroup();
        } else if (column instanceof Column.ListColumn list) {
            out.startGroup();
            if (!value.isEmpty()) {
                out.startField(Column.ListColumn.LIST, 0);
                for (JsonNode item : value) {
                    out.startGroup();
                    if (item != null && !item.isNull()) {
                        out.startField(list.element().name(), 0);
                        value(list.element(), item, out);
                        out.endField(list.element().name(), 0);
                    }
                    out.endGroup();
                }
                out.endField(Column.ListColumn.LIST, 0);
            }
            out.endGroup();
        }
    }
}
