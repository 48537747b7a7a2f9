package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.database.types.JsonBuffer;
import io.solidafy.cdk.database.types.ValueEncoder;
import io.solidafy.cdk.database.types.ValueEncoders;
import io.solidafy.cdk.database.types.ValueKind;
import io.solidafy.cdk.database.types.ValueReaders;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.postgresql.PGResultSetMetaData;

/**
 * Turns the current row of a result into an {@link EncodedRecord}: its JSON object written value
 * by value by the columns' {@link ValueEncoder}s into one reused buffer, then copied out. A value an
 * encoder leaves to its column's reader comes back as a node, which is written by a {@link
 * NodeWriter} and kept with the record.
 * One per read, used by the row-conversion thread only.
 */
final class RecordEncoder {

    private final RecordLayout layout;
    private final ValueEncoder[] encoders;
    private final JsonBuffer buffer = new JsonBuffer(1024);
    private final NodeWriter nodeWriter;

    private RecordEncoder(RecordLayout layout, ValueEncoder[] encoders, ObjectMapper mapper) {
        this.layout = layout;
        this.encoders = encoders;
        this.nodeWriter = new NodeWriter(buffer, mapper);
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
            encoders[i] = ValueEncoders.forKind(kinds[i], access, meta.getColumnTypeName(i + 1), ValueReaders.forKind(kinds[i], mapper));
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
                nodes = nodeWriter.writeKept(node, nodes, i, count);
            }
            valueEnds[i] = buffer.size();
        }
        buffer.write((byte) '}');
        return new EncodedRecord(new RecordFields(layout, buffer.copyFrom(0), valueEnds, nodes));
    }
}
