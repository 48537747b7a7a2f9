package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Turns rows into JSON records on its own thread and hands them over in small batches
 * through a bounded queue, so fetching and converting overlap with the runtime writing the previous
 * records. At most {@code capacity} batches wait, which bounds memory. The producer stops at the
 * end of the result, on an error (handed over as the last batch) or when {@link #stop()} is called.
 */
final class RowPump implements Runnable {

    /** Rows converted in one go; {@code error} set (and {@code last}) when the producer failed. */
    record Batch(ObjectNode[] rows, int size, Throwable error, boolean last) {}

    private final RowSource rows;
    private final int batchSize;
    private final BlockingQueue<Batch> queue;
    private volatile boolean stopped;

    RowPump(RowSource rows, int batchSize, int capacity) {
        this.rows = rows;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void run() {
        try {
            ObjectNode[] batch = new ObjectNode[batchSize];
            int size = 0;
            ObjectNode row;
            while (!stopped && (row = rows.next()) != null) {
                batch[size++] = row;
                if (size == batchSize) {
                    put(new Batch(batch, size, null, false));
                    batch = new ObjectNode[batchSize];
                    size = 0;
                }
            }
            put(new Batch(batch, size, null, true));
        } catch (Throwable e) {
            put(new Batch(new ObjectNode[0], 0, e, true));
        }
    }

    /** The next batch, or null when the producer has none ready within {@code millis}. */
    Batch poll(long millis) throws InterruptedException {
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Asks the producer to stop and frees the queue so it is not left waiting. */
    void stop() {
        stopped = true;
        queue.clear();
    }

    private void put(Batch batch) {
        try {
            while (!stopped) {
                if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
