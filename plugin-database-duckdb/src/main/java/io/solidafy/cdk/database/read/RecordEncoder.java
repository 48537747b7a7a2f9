package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.solidafy.cdk.database.types.JsonBuffer;
import io.solidafy.cdk.database.types.ValueEncoder;
import io.solidafy.cdk.database.types.ValueEncoders;
import io.solidafy.cdk.database.types.ValueKind;
import io.solidafy.cdk.database.types.ValueReaders;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.postgresql.PGResultSetMetaData;

/**
 * Turns the current row of a result into an {@link EncodedRecord}: its JSON object written value
 * by value by the columns' {@link ValueEncoder}s into one reused buffer, then copied out. A value an
 * encoder leaves to its column's reader comes back as a node, which is written here (scalars
 * directly, containers through a Jackson generator over the same buffer) and kept with the record.
 * One per read, used by the row-conversion thread only.
 */
final class RecordEncoder {

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final RecordLayout layout;
    private final ValueEncoder[] encoders;
    private final ObjectMapper mapper;
    private final JsonBuffer buffer = new JsonBuffer(1024);
    private JsonGenerator generator;

    private RecordEncoder(RecordLayout layout, ValueEncoder[] encoders, ObjectMapper mapper) {
        this.layout = layout;
        this.encoders = encoders;
        this.mapper = mapper;
    }

    /**
     * An encoder for the rows of {@code rows}, each column read the way its driver hands out its
     * values most cheaply ({@link ValueEncoders.Access}); {@code mapper} parses JSON columns.
     */
    static RecordEncoder forResult(ResultSet rows, String[] names, ValueKind[] kinds, ObjectMapper mapper) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        PGResultSetMetaData postgres = meta.isWrapperFor(PGResultSetMetaData.class) ? meta.unwrap(PGResultSetMetaData.class) : null;
        boolean mariaDb = rows.getStatement().getConnection().isWrapperFor(org.mariadb.jdbc.Connection.class);
        ValueEncoder[] encoders = new ValueEncoder[names.length];
        for (int i = 0; i < names.length; i++) {
            ValueEncoders.Access access = postgres != null && postgres.getFormat(i + 1) == 0 ? ValueEncoders.Access.SERVER_TEXT
                    : mariaDb ? ValueEncoders.Access.MARIADB : ValueEncoders.Access.GENERIC;
            encoders[i] = ValueEncoders.forKind(kinds[i], access, ValueReaders.forKind(kinds[i], mapper));
        }
        return new RecordEncoder(new RecordLayout(names, kinds), encoders, mapper);
    }

    EncodedRecord encode(ResultSet rows) throws SQLException {
        int count = encoders.length;
        int[] valueEnds = new int[count];
        JsonNode[] nodes = null;
        buffer.truncate(0);
        buffer.write((byte) '{');
        for (int i = 0; i < count; i++) {
            buffer.write(layout.prefix(i));
            JsonNode node = encoders[i].encode(rows, i + 1, buffer);
            if (node != null) {
                if (nodes == null) {
                    nodes = new JsonNode[count];
                }
                nodes[i] = node;
                write(node);
            }
            valueEnds[i] = buffer.size();
        }
        buffer.write((byte) '}');
        return new EncodedRecord(new RecordFields(layout, buffer.copyFrom(0), valueEnds, nodes));
    }

    /** Writes {@code node} as Jackson's default generator does. */
    private void write(JsonNode node) {
        if (node instanceof TextNode) {
            buffer.quote(node.textValue());
        } else if (node instanceof LongNode || node instanceof IntNode) {
            buffer.number(node.longValue());
        } else if (node instanceof NullNode) {
            buffer.write(NULL);
        } else if (node instanceof BooleanNode) {
            buffer.ascii(node.booleanValue() ? "true" : "false");
        } else if (node instanceof DecimalNode || node instanceof BigIntegerNode) {
            buffer.ascii(node.numberValue().toString());
        } else if (node instanceof DoubleNode && Double.isFinite(node.doubleValue())) {
            buffer.ascii(Double.toString(node.doubleValue()));
        } else {
            writeWithJackson(node);
        }
    }

    private void writeWithJackson(JsonNode node) {
        try {
            if (generator == null) {
                generator = mapper.getFactory().createGenerator(new OutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write((byte) b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        buffer.write(bytes, offset, offset + length);
                    }
                });
                generator.setRootValueSeparator(null);
            }
            mapper.writeTree(generator, node);
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes to memory only
        }
    }
}
