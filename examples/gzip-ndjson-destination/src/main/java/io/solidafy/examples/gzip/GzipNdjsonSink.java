package io.solidafy.examples.gzip;

import io.solidafy.cdk.spi.sink.Sink;
import io.solidafy.cdk.spi.sink.StreamWriter;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One run's output: a file per stream, {@code <stream>/dt=<run date>/part-<run time>-<id>.ndjson.gz},
 * written to a staged local file and published through the storage when the stream commits, so the
 * same code writes to a folder, S3, GCS or Azure, and readers never see half a file.
 *
 * <p>Thread-safe: each stream gets its own writer; the shared fields are immutable.
 */
final class GzipNdjsonSink implements Sink {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final ObjectStorage storage;
    private final Instant startedAt;
    private final int level;

    GzipNdjsonSink(ObjectStorage storage, Instant startedAt, int level) {
        this.storage = storage;
        this.startedAt = startedAt;
        this.level = level;
    }

    @Override
    public StreamWriter openStream(StreamDescriptor stream) throws IOException {
        // a fresh id per file: a second run the same second never replaces the first run's file
        String key = stream.name().replace('.', '_') + "/dt=" + DATE.format(startedAt) + "/part-" + TIME.format(startedAt) + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".ndjson.gz";
        return new GzipNdjsonWriter(storage, key, level);
    }
}
