package io.solidafy.cdk.parquet.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

/**
 * One part file being written: staged in the storage, published atomically by {@link #publish()}
 * or discarded by {@link #discard()}. Exactly one of the two ends it.
 */
public final class PartFile {

    private final ObjectStorage storage;
    private final String key;
    private final Path staged;
    private final ParquetSchema schema;
    private final ParquetWriter<Object> writer;
    private final JsonWriteSupport.TapeCursor cursor = new JsonWriteSupport.TapeCursor();
    private boolean closed;

    private PartFile(ObjectStorage storage, String key, Path staged, ParquetSchema schema, ParquetWriter<Object> writer) {
        this.storage = storage;
        this.schema = schema;
        this.key = key;
        this.staged = staged;
        this.writer = writer;
    }

    /**
     * Stages {@code key} in {@code storage} and opens a Parquet writer on it.
     *
     * @param sample records about to be written (the inference buffer): columns whose values are
     *               all distinct there are written without a dictionary
     */
    public static PartFile open(ObjectStorage storage, String key, ParquetSchema schema, WriterSettings settings,
            Map<String, String> metadata, List<? extends JsonNode> sample) throws IOException {
        Path staged = storage.stage(key);
        try {
            ParquetWriter<Object> writer = writer(new StagedOutputFile(staged), schema, settings, metadata,
                    DictionaryAdvisor.plainColumns(schema, sample));
            return new PartFile(storage, key, staged, schema, writer);
        } catch (IOException | RuntimeException e) {
            storage.discard(staged);
            throw e;
        }
    }

    /** A Parquet writer of {@code schema} records, {@code plainColumns} without a dictionary. */
    static ParquetWriter<Object> writer(OutputFile file, ParquetSchema schema, WriterSettings settings, Map<String, String> metadata,
            Set<String> plainColumns) throws IOException {
        Builder builder = new Builder(file, new JsonWriteSupport(schema, metadata))
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new Codecs(settings.zstdLevel()))
                .withCompressionCodec(settings.codec())
                .withRowGroupSize(settings.rowGroupSize())
                .withPageSize(settings.pageSize())
                .withDictionaryPageSize(settings.pageSize());
        for (String column : plainColumns) {
            builder.withDictionaryEncoding(column, false);
        }
        return builder.build();
    }

    /** The schema this part was opened with. */
    public ParquetSchema schema() {
        return schema;
    }

    /** True when {@code record} can be written into this part without loss. */
    public boolean fits(ObjectNode record) {
        return schema.fits(record);
    }

    /** Appends one record, which must fit the schema the part was opened with. */
    public void write(ObjectNode record) throws IOException {
        writer.write(record);
    }

    /** Appends record {@code index} of {@code tape}, recorded with this part's {@link #schema()}. */
    public void write(LeafTape tape, int index) throws IOException {
        cursor.tape = tape;
        cursor.index = index;
        writer.write(cursor);
        cursor.tape = null;
    }

    /** Bytes written plus bytes buffered for the open row group. */
    public long dataSize() {
        return writer.getDataSize();
    }

    /**
     * Finishes the file (footer written, memory released) but leaves it staged: nothing is visible
     * until {@link #publish()}. Discards it when that fails.
     */
    public void finish() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            storage.discard(staged);
            throw e;
        }
    }

    /** Finishes the file and publishes it; returns its full location. Discards it when that fails. */
    public String publish() throws IOException {
        finish();
        try {
            return storage.publish(staged, key);
        } catch (IOException | RuntimeException e) {
            storage.discard(staged);
            throw e;
        }
    }

    /** Drops the part: nothing becomes visible. Never throws. */
    public void discard() {
        if (!closed) {
            closed = true;
            try {
                writer.close();
            } catch (IOException | RuntimeException e) {
                // the file is discarded anyway
            }
        }
        storage.discard(staged);
    }

    /** Parquet's builder, bound to our write support. */
    private static final class Builder extends ParquetWriter.Builder<Object, Builder> {
        private final WriteSupport<Object> support;

        Builder(OutputFile file, WriteSupport<Object> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Abstract in Parquet, never called with a ParquetConfiguration; the reason Hadoop's API is needed at compile time. */
        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<Object> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<Object> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
            return support;
        }
    }
}
