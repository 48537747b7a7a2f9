package io.solidafy.cdk.runtime.progress;

import java.util.Locale;

/**
 * One stream's counters: records, batches (sink checkpoints: source pages or database batches) and
 * the time since the stream started. Used by the one thread writing the stream.
 */
final class StreamProgress {

    private final String stream;
    private final long startedNanos;
    private long records;
    private long batches;

    StreamProgress(String stream, long startedNanos) {
        this.stream = stream;
        this.startedNanos = startedNanos;
    }

    void record() {
        records++;
    }

    void batch() {
        batches++;
    }

    long records() {
        return records;
    }

    /** e.g. {@code customers: 120,000 records, 45,210 records/s, 12 batches, 2.7 s elapsed}. */
    String describe(long nowNanos) {
        double seconds = Math.max(nowNanos - startedNanos, 1) / 1e9;
        return String.format(Locale.ROOT, "%s: %,d records, %,.0f records/s, %,d %s, %.1f s elapsed",
                stream, records, records / seconds, batches, batches == 1 ? "batch" : "batches", seconds);
    }
}
