package io.solidafy.cdk.runtime.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.sink.StreamWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Feeds one stream's sink on a thread of its own, so that the source (parsing pages, converting
 * rows, generating records) and the sink (serialising, encoding) run on two cores instead of one.
 *
 * <p>Records, and the actions that must follow them in order (LOG messages, checkpoints), travel in
 * batches through a small bounded queue: at most {@value #QUEUED} full batches of {@value #BATCH}
 * items wait, which bounds the memory in flight. A batch is handed over when it is full and at
 * the end of each page, so a slow source does not leave its records waiting. {@link #drain()} is
 * the barrier before the sink commits: it returns once everything handed over was written. A sink
 * failure stops the thread and surfaces on the source's next call, with the sink's own exception.
 * One source thread uses it at a time, as an emitter is used.
 */
final class WriterThread {

    static final int BATCH = 128;
    static final int QUEUED = 2;

    private final StreamWriter writer;
    private final String stream;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    private Thread thread;
    private Batch batch = new Batch();
    /** Drained: everything handed over was written and the thread, if one started, ended. */
    private boolean finished;
    /** Set by the writer thread only; read by the source's thread. */
    private volatile Throwable failure;

    /** Records and ordered actions, side by side: an item is a record when its action is null. */
    private static final class Batch {
        final ObjectNode[] records = new ObjectNode[BATCH];
        final long[] emittedAt = new long[BATCH];
        final Runnable[] actions = new Runnable[BATCH];
        int size;
        boolean last;

        boolean full() {
            return size == BATCH;
        }
    }

    WriterThread(String stream, StreamWriter writer) {
        this.stream = stream;
        this.writer = writer;
    }

    /** Hands a record over; throws the sink's failure, if any. */
    void write(ObjectNode record, long emittedAt) {
        add(record, emittedAt, null);
    }

    /**
     * Runs {@code action} on the writer thread after every record handed over before it; after
     * {@link #drain()}, right away.
     */
    void then(Runnable action) {
        if (finished) {
            action.run();
        } else {
            add(null, 0, action);
        }
    }

    private void add(ObjectNode record, long emittedAt, Runnable action) {
        checkFailure();
        batch.records[batch.size] = record;
        batch.emittedAt[batch.size] = emittedAt;
        batch.actions[batch.size++] = action;
        if (batch.full()) {
            handOver();
        }
    }

    /** Hands over what is waiting now (the end of a page: the sink should not wait for the next one). */
    void flush() {
        if (batch.size > 0) {
            handOver();
        }
    }

    /** Waits until everything handed over was written and the thread ended; throws the sink's failure. */
    void drain() {
        finish();
        checkFailure();
    }

    /**
     * As {@link #drain()} for a stream that failed: what was handed over is still written (a JSON
     * sink shows it, as it would have without this thread), but a sink failure is not thrown.
     */
    void drainQuietly() {
        finish();
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (thread == null) {
            // nothing was handed over yet: write the few items here rather than start a thread
            if (failure == null) {
                writeAll(batch);
            }
            batch = new Batch();
            return;
        }
        batch.last = true;
        Batch last = batch;
        batch = new Batch();
        // the thread must see its last batch, or it would wait forever: interrupts wait till after
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(last);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOver() {
        if (thread == null) {
            thread = new Thread(this::run, "solidafy-writer-" + stream);
            thread.setDaemon(true);
            thread.start();
        }
        put(batch);
        batch = new Batch();
    }

    private void put(Batch full) {
        try {
            queue.put(full);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Writing stream '" + stream + "' was interrupted.", e);
        }
    }

    private void run() {
        try {
            Batch next;
            do {
                next = queue.take();
                if (failure == null) {
                    writeAll(next);
                }
            } while (!next.last);
        } catch (InterruptedException e) {
            failure = e;
        }
    }

    /** Writes one batch in order; the first failure is kept and ends the writing. */
    private void writeAll(Batch items) {
        try {
            for (int i = 0; i < items.size; i++) {
                Runnable action = items.actions[i];
                if (action != null) {
                    action.run();
                } else {
                    writer.write(items.records[i], items.emittedAt[i]);
                }
            }
        } catch (IOException e) {
            failure = new UncheckedIOException("Writing a record of stream '" + stream + "' failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void checkFailure() {
        Throwable failed = failure;
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed != null) {
            throw new IllegalStateException("Writing stream '" + stream + "' was interrupted.", failed);
        }
    }
}
