package io.solidafy.cdk.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.sink.StreamWriter;
import io.solidafy.cdk.spi.source.Emitter;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The runtime side of one stream's read: counts records, enforces the exact record cap, tracks the
 * cursor, feeds the sink and turns source checkpoints into STATE once the sink made them durable.
 * Used by one thread at a time, as {@link Emitter} promises.
 */
final class StreamRun implements Emitter {

    private final StreamDescriptor stream;
    private final ObjectNode incoming;
    private final long maxRecords;
    private final StreamWriter sink;
    /** Feeds {@link #sink} on its own thread. */
    private final WriterThread writer;
    private final SyncContext sync;
    private final CursorTracker tracker;

    private long records;
    private int pages;
    private boolean capped;
    /** The sync was cancelled before the source finished this stream. */
    private boolean cutByCancel;
    /** The latest state the source declared, not yet durable. Set by the source, cleared by the writer thread. */
    private final AtomicReference<ObjectNode> pending = new AtomicReference<>();
    /** The latest state that was emitted (durable), or the incoming state. Set by the writer thread. */
    private volatile ObjectNode durable;

    StreamRun(StreamDescriptor stream, ObjectNode incoming, long maxRecords, StreamWriter sink, SyncContext sync) {
        this.stream = stream;
        this.incoming = incoming;
        this.maxRecords = maxRecords;
        this.sink = sink;
        this.writer = new WriterThread(stream.name(), sink);
        this.sync = sync;
        this.tracker = new CursorTracker(stream.cursorField());
        this.durable = incoming.deepCopy();
    }

    @Override
    public boolean record(ObjectNode data) {
        if (records >= maxRecords || sync.cancelled()) {
            capped |= records >= maxRecords;
            cutByCancel |= records < maxRecords;
            return false;
        }
        records++;
        tracker.observe(data);
        writer.write(data, System.currentTimeMillis());
        if (records >= maxRecords) {
            capped = true;
            return false;
        }
        return true;
    }

    @Override
    public void checkpoint(ObjectNode streamState) {
        ObjectNode state = streamState.deepCopy();
        setCursor(state, CursorTracker.later(cursorOf(incoming), cursorOf(state)));
        pending.set(state);
        writer.then(() -> {
            try {
                if (sink.checkpoint()) {
                    publish(state);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Checkpointing stream '" + stream.name() + "' failed: " + e.getMessage(), e);
            }
        });
        writer.flush();
    }

    @Override
    public void page(int recordCount) {
        pages++;
        log(LogLevel.DEBUG, "Page " + pages + ": fetched " + recordCount + " records");
        writer.flush();
    }

    /** Written after the records emitted before it, like every message of the stream. */
    @Override
    public void log(LogLevel level, String message) {
        writer.then(() -> sync.protocol().log(level, message));
    }

    @Override
    public boolean stopRequested() {
        if (records < maxRecords && sync.cancelled()) {
            cutByCancel = true;
        }
        return records >= maxRecords || sync.cancelled();
    }

    /** Waits until the sink received every record and action handed over; throws the sink's failure. */
    void drain() {
        writer.drain();
    }

    /** As {@link #drain()} for a stream that failed: never throws. */
    void drainQuietly() {
        writer.drainQuietly();
    }

    long records() {
        return records;
    }

    int pages() {
        return pages;
    }

    /** True when a cancelled sync stopped this stream before its source finished it. */
    boolean cutByCancel() {
        return cutByCancel;
    }

    /**
     * The stream's state after its read returned normally and the sink committed: the source's
     * last checkpoint with the cursor advanced to the maximum seen, unless the stream was cut short
     * by the record cap or a cancelled sync and the source does not emit records in cursor order
     * (the unread records could be older than the maximum, so the cursor stays where it was).
     */
    ObjectNode completedState() {
        ObjectNode latest = pending.get();
        ObjectNode state = latest != null ? latest.deepCopy() : durable.deepCopy();
        Optional<JsonNode> cursor = CursorTracker.later(cursorOf(incoming), cursorOf(state));
        if (!(capped || cutByCancel) || stream.cursorOrdered()) {
            cursor = CursorTracker.later(cursor, tracker.max());
        } else if (tracker.max().isPresent()) {
            log(LogLevel.WARN, "Stream " + stream.name() + " stopped " + (capped ? "at the record limit" : "because the sync was cancelled")
                    + "; its cursor was not advanced because"
                    + " the source does not return records in cursor order, so the next run re-reads instead of skipping data");
        }
        setCursor(state, cursor);
        return state;
    }

    /** The last durable state (what a failed stream keeps). */
    ObjectNode durableState() {
        return durable;
    }

    void publish(ObjectNode state) {
        durable = state;
        pending.compareAndSet(state, null); // a later declared state stays pending
        sync.publishState(stream.name(), state);
    }

    private static Optional<JsonNode> cursorOf(ObjectNode state) {
        JsonNode cursor = state.get("cursor");
        return cursor == null || cursor.isNull() ? Optional.empty() : Optional.of(cursor);
    }

    private static void setCursor(ObjectNode state, Optional<JsonNode> cursor) {
        cursor.ifPresent(c -> state.set("cursor", c));
    }
}
