package io.solidafy.cdk.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.parquet.schema.FieldType.Struct;
import io.solidafy.cdk.parquet.schema.TypeMerger;
import io.solidafy.cdk.parquet.write.ParquetSchema;
import io.solidafy.cdk.parquet.write.PartFile;
import io.solidafy.cdk.parquet.write.LeafTape;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.sink.StreamWriter;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes one stream as a sequence of part files.
 *
 * <p>Lifecycle of a part: the writer first buffers up to {@code infer_records} records (bounded in
 * bytes too) and widens the record type over them, then opens a part with that schema and writes
 * the buffer and every following record that fits. A record that does not fit (new field, wider
 * type) closes the current part and starts buffering again from the widened type, so nothing is
 * coerced and the number of parts stays small. Closed parts stay staged until the next successful
 * checkpoint or the commit publishes them in order, so an aborted stream leaves no file visible.
 *
 * <p>Checkpoints: publishing a part at every source checkpoint would produce one small file per
 * API page, so the writer publishes only when the current part already holds {@code
 * checkpoint_part_size} bytes (64 MiB by default) and otherwise answers false: the runtime then
 * holds the STATE until a later checkpoint or the commit. Long streams therefore still advance
 * their state every ~64 MiB of Parquet, and short ones produce one file.
 */
final class ParquetStreamWriter implements StreamWriter {

    private final String stream;
    private final ObjectStorage storage;
    private final PartKeys keys;
    private final ParquetOptions options;
    private final TypeMerger merger;
    private final Map<String, String> metadata;
    private final BiConsumer<LogLevel, String> log;

    private final List<ObjectNode> buffer = new ArrayList<>();
    private long bufferBytes;
    private Struct type;
    private PartFile part;
    private volatile ParquetSchema currentSchema;
    /** Parts closed by a schema roll, staged until the next checkpoint or commit publishes them. */
    private final List<PartFile> finished = new ArrayList<>();
    private final List<String> published = new ArrayList<>();
    private int partsOpened;

    ParquetStreamWriter(String stream, Struct initialType, ObjectStorage storage, PartKeys keys, ParquetOptions options,
            TypeMerger merger, Map<String, String> metadata, BiConsumer<LogLevel, String> log) {
        this.stream = stream;
        this.type = initialType;
        this.storage = storage;
        this.keys = keys;
        this.options = options;
        this.merger = merger;
        this.metadata = metadata;
        this.log = log;
    }

    @Override
    public void write(ObjectNode record, long emittedAt) throws IOException {
        write(record, null, null, -1);
    }

    /**
     * The schema of the open part, or null while buffering. Read by the producer thread to check
     * records before handing them over (see {@link BackgroundStreamWriter}).
     */
    ParquetSchema currentSchema() {
        return currentSchema;
    }

    /**
     * Writes a record that the caller may already have checked and shredded: {@code fitsSchema} is
     * the part schema it was found to fit (null if none), and record {@code tapeIndex} of {@code
     * tape} holds it shredded for that schema. Both are used only while that part is still open.
     */
    void write(ObjectNode record, ParquetSchema fitsSchema, LeafTape tape, int tapeIndex) throws IOException {
        if (part != null) {
            if (fitsSchema != null && fitsSchema == part.schema()) {
                if (tape != null && tapeIndex >= 0) {
                    part.write(tape, tapeIndex, tapeIndex + 1);
                } else {
                    part.write(record);
                }
                return;
            }
            if (part.fits(record)) {
                part.write(record);
                return;
            }
            Struct widened = merger.mergeRecord(type, merger.recordTypeOf(record));
            log.accept(LogLevel.INFO, "Stream " + stream + ": a record does not fit the current Parquet schema; starting part "
                    + (partsOpened + 1) + " with a widened schema");
            finishPart();
            type = widened;
        }
        buffer(record);
    }

    /**
     * Writes records {@code from} to {@code to} of {@code tape}, shredded for {@code schema}, in one
     * go when that is still the open part's schema, and answers whether it did; otherwise the caller
     * writes them one by one.
     */
    boolean writeShredded(ParquetSchema schema, LeafTape tape, int from, int to) throws IOException {
        if (part == null || schema != part.schema()) {
            return false;
        }
        part.write(tape, from, to);
        return true;
    }

    @Override
    public boolean checkpoint() throws IOException {
        if (part == null && buffer.isEmpty() && finished.isEmpty()) {
            return true;
        }
        long pending = (part == null ? 0 : part.dataSize()) + bufferBytes;
        if (pending < options.checkpointPartSize()) {
            return false;
        }
        flush();
        return true;
    }

    @Override
    public List<String> commit() throws IOException {
        flush();
        return List.copyOf(published);
    }

    @Override
    public void abort() {
        buffer.clear();
        bufferBytes = 0;
        finished.forEach(PartFile::discard);
        finished.clear();
        if (part != null) {
            part.discard();
            part = null;
            currentSchema = null;
        }
    }

    /** Publishes everything written so far. */
    private void flush() throws IOException {
        if (part == null && !buffer.isEmpty()) {
            openPart();
        }
        publishPart();
    }

    private void buffer(ObjectNode record) throws IOException {
        // No copy: the Emitter contract forbids sources to mutate a record after emitting it.
        if (type.fields().size() <= ParquetSchema.MAX_RECORD_FIELDS) { // beyond, records are stored whole anyway
            type = merger.mergeRecord(type, merger.recordTypeOf(record));
        }
        buffer.add(record);
        bufferBytes += estimateBytes(record);
        if (buffer.size() >= options.inferRecords() || bufferBytes >= options.inferBytes()) {
            openPart();
        }
    }

    private void openPart() throws IOException {
        part = PartFile.open(storage, keys.key(stream, partsOpened++), ParquetSchema.of(type), options.writer(), metadata, buffer);
        currentSchema = part.schema();
        for (ObjectNode record : buffer) {
            if (!part.fits(record)) { // the type was widened over these very records
                throw new IllegalStateException("inferred Parquet schema does not hold a buffered record of stream " + stream);
            }
            part.write(record);
        }
        buffer.clear();
        bufferBytes = 0;
    }

    /** Closes the current part, keeping it staged. */
    private void finishPart() throws IOException {
        if (part != null) {
            PartFile closing = part;
            part = null;
            currentSchema = null;
            closing.finish();
            finished.add(closing);
        }
    }

    /** Publishes the parts closed so far, in order, then the current one. */
    private void publishPart() throws IOException {
        while (!finished.isEmpty()) {
            published.add(finished.get(0).publish());
            finished.remove(0);
        }
        if (part != null) {
            PartFile finished = part;
            part = null;
            currentSchema = null;
            published.add(finished.publish());
        }
    }

    /** A cheap upper-bound-ish estimate of a record's JSON size, to bound the inference buffer. */
    private static long estimateBytes(JsonNode node) {
        if (node.isTextual()) {
            return 16 + node.textValue().length() * 2L;
        }
        if (node.isContainerNode()) {
            long sum = 32;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                sum += 40 + e.getKey().length() * 2L + estimateBytes(e.getValue());
            }
            if (node.isArray()) {
                for (JsonNode item : node) {
                    sum += 8 + estimateBytes(item);
                }
            }
            return sum;
        }
        return 24;
    }
}
