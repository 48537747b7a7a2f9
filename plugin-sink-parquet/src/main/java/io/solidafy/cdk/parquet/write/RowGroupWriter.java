package io.solidafy.cdk.parquet.write;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.io.OutputFile;

/**
 * Writes shredded records into one Parquet file a batch at a time, in place of Parquet's
 * ParquetWriter, its record layer and its column writers: records go from a {@link LeafTape}
 * straight into one {@link ColumnEncoder} per leaf column, whose pages Parquet's page store
 * compresses and its file writer lays out with the footer and page indexes. Wide schemas are
 * written column by column (all the batch's values of one column, then the next), because record
 * after record touches every column's encoder, dictionary and statistics per record and, with
 * hundreds of columns, thrashes the CPU caches. Row groups are cut between batches once the
 * buffered size reaches the row-group size, as ParquetWriter does between records. Used by one
 * thread.
 */
final class RowGroupWriter {

    /** ParquetWriter names the object model in the footer; readers show it as the writer. */
    private static final String MODEL_KEY = "writer.model.name";
    private static final String MODEL = "solidafy-cdk";

    /**
     * From this many leaf columns on, a batch is written column by column. Narrower schemas keep
     * every column's state in the caches anyway, and sorting the batch by column only costs
     * (measured, whole CLI runs: 5% slower on 15 columns, even on 31, 5% faster on 61, 15% on 201,
     * 38% on 1,001).
     */
    static final int COLUMN_MAJOR_FROM = 32;

    private final ParquetSchema schema;
    private final ParquetProperties properties;
    private final Codecs codecs;
    private final BytesInputCompressor compressor;
    private final ParquetFileWriter file;
    private final Map<String, String> metadata;
    private final long rowGroupSize;
    private final int pageSize;
    private final Set<String> plainColumns;
    private final PageBytes page = new PageBytes(64 * 1024);
    private ColumnChunkPageWriteStore pages;
    /** The open row group's columns; null between row groups. */
    private ColumnEncoder[] encoders;
    private long rows;
    private boolean closed;

    RowGroupWriter(OutputFile output, ParquetSchema schema, WriterSettings settings, Map<String, String> metadata,
            Set<String> plainColumns) throws IOException {
        this.schema = schema;
        this.properties = ParquetProperties.builder().withPageSize(settings.pageSize()).build();
        this.pageSize = settings.pageSize();
        this.plainColumns = plainColumns;
        this.codecs = new Codecs(settings.zstdLevel());
        this.compressor = codecs.getCompressor(settings.codec());
        this.rowGroupSize = settings.rowGroupSize();
        Map<String, String> footer = new HashMap<>(metadata);
        footer.put(MODEL_KEY, MODEL);
        this.metadata = footer;
        this.file = new ParquetFileWriter(output, schema.message(), ParquetFileWriter.Mode.CREATE, rowGroupSize, 0, null, properties);
        file.start();
    }

    /** Writes records {@code from} (inclusive) to {@code to} (exclusive) of {@code tape}, shredded for this file's schema. */
    void write(LeafTape tape, int from, int to) throws IOException {
        if (encoders == null) {
            startRowGroup();
        }
        if (encoders.length >= COLUMN_MAJOR_FROM) {
            tape.replayByColumn(from, to, encoders);
        } else {
            tape.replay(from, to, encoders);
        }
        for (ColumnEncoder encoder : encoders) {
            encoder.endBatch();
        }
        rows += to - from;
        if (bufferedSize() >= rowGroupSize || rows >= properties.getRowGroupRowCountLimit()) {
            flushRowGroup();
        }
    }

    /** Bytes written to the file plus bytes buffered for the open row group. */
    long dataSize() throws IOException {
        return file.getPos() + bufferedSize();
    }

    private long bufferedSize() {
        long size = 0;
        if (encoders != null) {
            for (ColumnEncoder encoder : encoders) {
                size += encoder.bufferedSize();
            }
        }
        return size;
    }

    /** Writes the last row group and the footer, and frees the codecs. */
    void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (rows > 0) {
                flushRowGroup();
            }
            file.end(metadata);
        } finally {
            codecs.release();
        }
    }

    /** Closes the file without a footer (it is discarded) and frees the codecs. */
    void abort() {
        if (!closed) {
            closed = true;
            try {
                file.close(); // flushes and closes the stream; only end() writes a footer
            } catch (IOException | RuntimeException e) {
                // the file is discarded anyway
            } finally {
                codecs.release();
            }
        }
    }

    private void startRowGroup() {
        pages = ColumnChunkPageWriteStore.builder()
                .withCompressorProvider(column -> compressor)
                .withSchema(schema.message())
                .withAllocator(properties.getAllocator())
                .withColumnIndexTruncateLength(properties.getColumnIndexTruncateLength())
                .withPageWriteChecksumEnabled(properties.getPageWriteChecksumEnabled())
                .build();
        List<ColumnDescriptor> descriptors = schema.message().getColumns();
        encoders = new ColumnEncoder[descriptors.size()];
        for (int i = 0; i < encoders.length; i++) {
            ColumnDescriptor column = descriptors.get(i);
            encoders[i] = new ColumnEncoder(column, pages.getPageWriter(column), page, pageSize,
                    !plainColumns.contains(ColumnPath.get(column.getPath()).toDotString()));
        }
    }

    private void flushRowGroup() throws IOException {
        file.startBlock(rows);
        for (ColumnEncoder encoder : encoders) {
            encoder.finish();
        }
        pages.flushToFileWriter(file);
        file.endBlock();
        pages.close();
        pages = null;
        encoders = null;
        rows = 0;
    }
}
