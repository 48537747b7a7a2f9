package io.solidafy.cdk.parquet.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes Jackson records straight into Parquet's record consumer along a precomputed {@link
 * ParquetSchema}: no intermediate row objects, which is what makes this faster than the example
 * Group writer.
 */
final class JsonWriteSupport extends WriteSupport<ObjectNode> {

    private final ParquetSchema schema;
    private final Map<String, String> metadata;
    private RecordConsumer out;

    JsonWriteSupport(ParquetSchema schema, Map<String, String> metadata) {
        this.schema = schema;
        this.metadata = Map.copyOf(metadata);
    }

    /** Only the Hadoop-free overload below is ever called; Parquet declares this one abstract. */
    @Override
    @SuppressWarnings("deprecation")
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema.message(), metadata);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema.message(), metadata);
    }

    @Override
    public String getName() {
        return "solidafy-cdk";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(ObjectNode record) {
        out.startMessage();
        if (schema.wholeRecord()) {
            out.startField(ParquetSchema.WHOLE_RECORD, 0);
            out.addBinary(Binary.fromString(record.toString()));
            out.endField(ParquetSchema.WHOLE_RECORD, 0);
        } else {
            schema.root().writeFields(record, out);
        }
        out.endMessage();
    }
}
