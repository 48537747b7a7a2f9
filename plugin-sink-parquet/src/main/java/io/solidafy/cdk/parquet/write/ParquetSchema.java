package io.solidafy.cdk.parquet.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.parquet.schema.FieldType;
import io.solidafy.cdk.parquet.schema.FieldType.ListOf;
import io.solidafy.cdk.parquet.schema.FieldType.Scalar;
import io.solidafy.cdk.parquet.schema.FieldType.Struct;
import io.solidafy.cdk.parquet.write.Column.LeafKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of one part file, derived from the record type, with the {@link Column} tree
 * that writes records into it. Every column is optional.
 *
 * <p>Fields that only ever held null get no column (readers combining parts by name see nulls).
 * Values Parquet cannot type (empty objects, objects whose fields were all null, arrays that were
 * always empty) become a JSON text column, which keeps them exactly. A record type with no column
 * at all is written as a single JSON column {@value #WHOLE_RECORD} so its rows still count; so is a
 * record type with more than {@value #MAX_RECORD_FIELDS} fields (keys that are data, not names),
 * which would otherwise grow the number of column writers, and memory, without bound.
 *
 * @param message     the Parquet message type
 * @param root        writes a record's fields
 * @param wholeRecord true when the only column is {@value #WHOLE_RECORD}
 * @param anyRecord   true when every record fits (the record type had too many fields)
 * @param shredder    turns records into leaf values for the column writers
 */
public record ParquetSchema(MessageType message, Column.Group root, boolean wholeRecord, boolean anyRecord, Shredder shredder) {

    ParquetSchema(MessageType message, Column.Group root, boolean wholeRecord, boolean anyRecord) {
        this(message, root, wholeRecord, anyRecord, new Shredder(root, wholeRecord));
    }

    /** Above this many top-level fields, records are stored whole as JSON text. */
    public static final int MAX_RECORD_FIELDS = 5000;

    /** The column holding whole records when no field can be typed. */
    public static final String WHOLE_RECORD = "_record";

    static final String MESSAGE_NAME = "record";

    /** True when {@code record} can be written into this part without loss (else: widen and roll). */
    public boolean fits(JsonNode record) {
        if (anyRecord) {
            return true;
        }
        if (wholeRecord) {
            // No field had a value when this schema was made: any value needs a typed column.
            for (JsonNode value : record) {
                if (!value.isNull()) {
                    return false;
                }
            }
            return true;
        }
        return root.fits(record);
    }

    /**
     * Shreds {@code record} onto {@code tape} if it fits, checking as it goes; on a misfit returns
     * false with a partial record on the tape, which the caller {@link LeafTape#abandon()}s.
     */
    public boolean tryShred(JsonNode record, LeafTape tape) {
        if (wholeRecord && !fits(record)) {
            return false;
        }
        return shredder.tryShred(record, tape);
    }

    /** Builds the part schema for records of {@code type}. */
    public static ParquetSchema of(Struct type) {
        if (type.fields().size() > MAX_RECORD_FIELDS) {
            Materialized whole = leaf(WHOLE_RECORD, LeafKind.JSON);
            return new ParquetSchema(new MessageType(MESSAGE_NAME, List.of(whole.type())),
                    new Column.Group(MESSAGE_NAME, List.of(whole.column())), true, true);
        }
        List<Column> columns = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (Map.Entry<String, FieldType> e : type.fields().entrySet()) {
            materialize(e.getKey(), e.getValue()).ifPresent(m -> {
                columns.add(m.column());
                types.add(m.type());
            });
        }
        if (columns.isEmpty()) {
            Materialized whole = leaf(WHOLE_RECORD, LeafKind.JSON);
            return new ParquetSchema(new MessageType(MESSAGE_NAME, List.of(whole.type())),
                    new Column.Group(MESSAGE_NAME, List.of(whole.column())), true, false);
        }
        return new ParquetSchema(new MessageType(MESSAGE_NAME, types), new Column.Group(MESSAGE_NAME, columns), false, false);
    }

    private record Materialized(Column column, Type type) {}

    private static Optional<Materialized> materialize(String name, FieldType type) {
        if (type instanceof Scalar s) {
            return switch (s.kind()) {
                case NULL -> Optional.empty();
                case BOOLEAN -> Optional.of(leaf(name, LeafKind.BOOLEAN));
                case LONG, BIG_LONG -> Optional.of(leaf(name, LeafKind.LONG));
                case DOUBLE -> Optional.of(leaf(name, LeafKind.DOUBLE));
                case STRING -> Optional.of(leaf(name, LeafKind.STRING));
                case TEXT -> Optional.of(leaf(name, LeafKind.TEXT));
                case JSON -> Optional.of(leaf(name, LeafKind.JSON));
            };
        }
        if (type instanceof Struct struct) {
            List<Column> columns = new ArrayList<>();
            List<Type> types = new ArrayList<>();
            for (Map.Entry<String, FieldType> e : struct.fields().entrySet()) {
                materialize(e.getKey(), e.getValue()).ifPresent(m -> {
                    columns.add(m.column());
                    types.add(m.type());
                });
            }
            if (columns.isEmpty()) {
                return Optional.of(leaf(name, LeafKind.JSON));
            }
            return Optional.of(new Materialized(new Column.Group(name, columns), new GroupType(Repetition.OPTIONAL, name, types)));
        }
        ListOf list = (ListOf) type;
        Optional<Materialized> element = materialize("element", list.element());
        if (element.isEmpty()) {
            return Optional.of(leaf(name, LeafKind.JSON));
        }
        GroupType listType = Types.optionalGroup()
                .as(LogicalTypeAnnotation.listType())
                .addField(Types.repeatedGroup().addField(element.get().type()).named(Column.ListColumn.LIST))
                .named(name);
        return Optional.of(new Materialized(new Column.ListColumn(name, element.get().column()), listType));
    }

    private static Materialized leaf(String name, LeafKind kind) {
        Type type = switch (kind) {
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
            case LONG -> Types.optional(PrimitiveTypeName.INT64).named(name);
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
            case STRING, TEXT -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
            case JSON -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.jsonType()).named(name);
        };
        return new Materialized(new Column.Leaf(name, kind), type);
    }
}
