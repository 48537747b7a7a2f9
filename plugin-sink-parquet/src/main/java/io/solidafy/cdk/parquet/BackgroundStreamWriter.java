package io.solidafy.cdk.parquet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.parquet.write.ParquetSchema;
import io.solidafy.cdk.parquet.write.LeafTape;
import io.solidafy.cdk.spi.sink.StreamWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs a stream's Parquet encoding on its own thread, apart from the shredding: records are
 * shredded on the thread that writes them (the runtime's writer thread of the stream) and encoded
 * (dictionaries, statistics, compression) here, so the two halves of the sink's work overlap.
 *
 * <p>Records travel in batches through a small bounded queue ({@value #QUEUE_BATCHES} batches of
 * {@value #BATCH} records), which bounds the memory in flight. {@link #checkpoint}, {@link #commit}
 * and {@link #abort} are barriers: they run on the encoder thread after every record before them,
 * and the caller waits for their answer, so a true checkpoint or a returned commit still means
 * every record written so far is published. An encoder failure surfaces on the next call.
 */
final class BackgroundStreamWriter implements StreamWriter {

    static final int BATCH = 128;
    static final int QUEUE_BATCHES = 4;
    /** A batch is handed over early once its tape holds this many bytes (large records). */
    static final int TAPE_LIMIT = 1 << 20;
    private static final int TAPE_HINT = 64 * 1024;

    private final ParquetStreamWriter target;
    private final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    /**
     * Tapes the encoder has replayed, handed back for reuse: a fresh tape per batch was the
     * largest allocation of a sync (more than the source's records), and zeroing it cost the
     * producer's thread, the critical path.
     */
    private final BlockingQueue<LeafTape> spareTapes = new ArrayBlockingQueue<>(QUEUE_BATCHES + 2);
    private final Thread encoder;
    /** Set by the encoder thread only. */
    private volatile Throwable failure;
    private ObjectNode[] batch = new ObjectNode[BATCH];
    /** Per record: the part schema it was found to fit on this thread, or null. */
    private ParquetSchema[] checked = new ParquetSchema[BATCH];
    /** Per record: its index on {@link #tape}, or -1. */
    private int[] onTape = new int[BATCH];
    private LeafTape tape = new LeafTape(TAPE_HINT);
    private int size;
    private boolean stopped;

    private sealed interface Task permits Batch, Call, Stop {}

    private record Batch(ObjectNode[] records, ParquetSchema[] checked, int[] onTape, LeafTape tape, int size) implements Task {}

    /** A barrier: runs {@code action}; {@code evenAfterFailure} for abort, which must always run. */
    private record Call(Callable<Object> action, boolean evenAfterFailure, CompletableFuture<Object> result) implements Task {}

    private record Stop() implements Task {}

    BackgroundStreamWriter(String stream, ParquetStreamWriter target) {
        this.target = target;
        this.encoder = new Thread(this::encode, "parquet-writer-" + stream);
        encoder.setDaemon(true);
        encoder.start();
    }

    /**
     * Hands a record over. Whether it fits the open part is checked here, on the producer's thread
     * where the record is still in cache, and a fitting record is shredded onto the batch's {@link
     * LeafTape}; the encoder only replays it, or handles the record itself when its part changed
     * meanwhile. {@code emittedAt} is not stored in Parquet files.
     */
    @Override
    public void write(ObjectNode record, long emittedAt) throws IOException {
        Throwable failed = failure;
        if (failed != null) {
            throw asIo(failed);
        }
        ParquetSchema schema = target.currentSchema();
        if (schema != null) {
            tape.begin();
        }
        if (schema != null && schema.tryShred(record, tape)) {
            tape.end();
            checked[size] = schema;
            onTape[size] = tape.records() - 1;
        } else {
            if (schema != null) {
                tape.abandon();
            }
            checked[size] = null;
            onTape[size] = -1;
        }
        batch[size++] = record;
        if (size == BATCH || tape.bytes() >= TAPE_LIMIT) {
            handOff();
        }
    }

    @Override
    public boolean checkpoint() throws IOException {
        return (Boolean) call(target::checkpoint, false);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> commit() throws IOException {
        try {
            return (List<String>) call(target::commit, false);
        } finally {
            stop();
        }
    }

    @Override
    public void abort() {
        batch = new ObjectNode[BATCH];
        checked = new ParquetSchema[BATCH];
        onTape = new int[BATCH];
        tape = new LeafTape(TAPE_HINT);
        size = 0;
        if (stopped) {
            // e.g. after a failed commit: the encoder thread has ended, so the target is ours now
            target.abort();
            return;
        }
        try {
            call(() -> {
                target.abort();
                return null;
            }, true);
        } catch (IOException | RuntimeException e) {
            // abort never throws; the target's abort does not either
        } finally {
            stop();
        }
    }

    private void encode() {
        while (true) {
            Task task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task instanceof Stop) {
                return;
            }
            if (task instanceof Batch b) {
                if (failure == null) {
                    try {
                        writeBatch(b);
                        b.tape().clear();
                        spareTapes.offer(b.tape()); // dropped when enough are spare
                    } catch (Throwable e) {
                        failure = e;
                    }
                }
            } else if (task instanceof Call c) {
                if (failure != null && !c.evenAfterFailure()) {
                    c.result().completeExceptionally(failure);
                    continue;
                }
                try {
                    c.result().complete(c.action().call());
                } catch (Throwable e) {
                    c.result().completeExceptionally(e);
                }
            }
        }
    }

    /**
     * Writes a batch: each run of records shredded onto the tape for one schema goes to the part in
     * one call (column by column, see {@link io.solidafy.cdk.parquet.write.LeafTape#replayByColumn}),
     * the rest one by one.
     */
    private void writeBatch(Batch b) throws IOException {
        for (int i = 0; i < b.size(); ) {
            int run = 1;
            if (b.checked()[i] != null) {
                while (i + run < b.size() && b.checked()[i + run] == b.checked()[i] && b.onTape()[i + run] == b.onTape()[i] + run) {
                    run++;
                }
                if (target.writeShredded(b.checked()[i], b.tape(), b.onTape()[i], b.onTape()[i] + run)) {
                    i += run;
                    continue;
                }
            }
            target.write(b.records()[i], b.checked()[i], b.tape(), b.onTape()[i]);
            i++;
        }
    }

    private Object call(Callable<Object> action, boolean evenAfterFailure) throws IOException {
        if (stopped) {
            throw new IllegalStateException("the stream writer is closed");
        }
        if (size > 0) {
            handOff();
        }
        CompletableFuture<Object> result = new CompletableFuture<>();
        put(new Call(action, evenAfterFailure, result));
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the Parquet writer");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    private void handOff() throws IOException {
        put(new Batch(batch, checked, onTape, tape, size));
        batch = new ObjectNode[BATCH];
        checked = new ParquetSchema[BATCH];
        onTape = new int[BATCH];
        LeafTape spare = spareTapes.poll();
        tape = spare != null ? spare : new LeafTape(Math.min(TAPE_LIMIT, Math.max(TAPE_HINT, tape.bytes())));
        size = 0;
    }

    private void put(Task task) throws IOException {
        try {
            queue.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing records to the Parquet writer");
        }
    }

    /** Ends the encoder thread and waits for it, so nothing touches the target afterwards. */
    private void stop() {
        if (!stopped) {
            stopped = true;
            try {
                queue.put(new Stop());
                encoder.join();
            } catch (InterruptedException e) {
                encoder.interrupt();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static IOException asIo(Throwable failure) {
        if (failure instanceof IOException io) {
            return new IOException(io.getMessage(), io);
        }
        if (failure instanceof UncheckedIOException u) {
            return new IOException(u.getMessage(), u);
        }
        return new IOException("The Parquet writer failed: " + failure, failure);
    }
}
