package io.solidafy.cdk.parquet;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * Object keys of part files: {@code <stream>/dt=<UTC date of the run start>/part-<run start>-<run id>-<n>.parquet}.
 * The run id makes names unique across runs of the same day; the run start and sequence number
 * make them sort in the order they were written.
 */
final class PartKeys {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String date;
    private final String runPrefix;

    PartKeys(Instant startedAt) {
        this.date = DATE.format(startedAt);
        this.runPrefix = "part-" + TIME.format(startedAt) + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The key of part {@code sequence} (0-based) of {@code stream}. */
    String key(String stream, int sequence) {
        return directory(stream) + "/dt=" + date + "/" + runPrefix + "-" + String.format(Locale.ROOT, "%05d", sequence) + ".parquet";
    }

    /** Stream names become one path segment: {@code .} (schema.table) and separators become {@code _}. */
    static String directory(String stream) {
        String dir = stream.replace('.', '_').replace('/', '_').replace('\\', '_');
        return dir.isBlank() ? "_" : dir;
    }
}
