package io.solidafy.cdk.parquet.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes records straight into Parquet's column writers: records already shredded onto a {@link
 * LeafTape} (by the source's thread) are replayed, Jackson records are shredded here first.
 * Parquet's record layer (MessageColumnIO) is bypassed; only its column store is used.
 */
final class JsonWriteSupport extends WriteSupport<Object> {

    /** Points at one record of a tape; reused, since Parquet does not keep written values. */
    static final class TapeCursor {
        LeafTape tape;
        int index;
    }

    private final ParquetSchema schema;
    private final Map<String, String> metadata;
    private final LeafTape scratch = new LeafTape(4096);
    private ColumnWriteStore store;
    private ColumnWriter[] writers;

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

    /** Called once per row group, with a consumer over that row group's column store. */
    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        store = ColumnStores.of(recordConsumer);
        List<ColumnDescriptor> columns = schema.message().getColumns();
        writers = new ColumnWriter[columns.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = store.getColumnWriter(columns.get(i));
        }
    }

    @Override
    public void write(Object record) {
        if (record instanceof TapeCursor cursor) {
            cursor.tape.replay(cursor.index, writers);
        } else {
            scratch.clear();
            scratch.begin();
            if (!schema.tryShred((ObjectNode) record, scratch)) {
                throw new IllegalStateException("a record that does not fit the part's schema was written to it");
            }
            scratch.end();
            scratch.replay(0, writers);
        }
        store.endRecord();
    }
}
