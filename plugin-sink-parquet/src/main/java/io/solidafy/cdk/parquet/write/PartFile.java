package io.solidafy.cdk.parquet.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One part file being written: staged in the storage, published atomically by {@link #publish()}
 * or discarded by {@link #discard()}. Exactly one of the two ends it.
 */
public final class PartFile {

    private final ObjectStorage storage;
    private final String key;
    private final Path staged;
    private final ParquetSchema schema;
    private final RowGroupWriter writer;
    /** Records the encoder shreds itself (those not shredded by the producer) go through this. */
    private final LeafTape scratch = new LeafTape(4096);
    private boolean closed;

    private PartFile(ObjectStorage storage, String key, Path staged, ParquetSchema schema, RowGroupWriter writer) {
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
            RowGroupWriter writer = new RowGroupWriter(new StagedOutputFile(staged), schema, settings, metadata,
                    DictionaryAdvisor.plainColumns(schema, sample));
            return new PartFile(storage, key, staged, schema, writer);
        } catch (IOException | RuntimeException e) {
            storage.discard(staged);
            throw e;
        }
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
        scratch.clear();
        scratch.begin();
        if (!schema.tryShred(record, scratch)) {
            throw new IllegalStateException("a record that does not fit the part's schema was written to it");
        }
        scratch.end();
        writer.write(scratch, 0, 1);
    }

    /** Appends records {@code from} (inclusive) to {@code to} (exclusive) of {@code tape}, shredded for this part's {@link #schema()}. */
    public void write(LeafTape tape, int from, int to) throws IOException {
        writer.write(tape, from, to);
    }

    /** Bytes written plus bytes buffered for the open row group. */
    public long dataSize() throws IOException {
        return writer.dataSize();
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
            writer.abort();
        }
        storage.discard(staged);
    }
}
