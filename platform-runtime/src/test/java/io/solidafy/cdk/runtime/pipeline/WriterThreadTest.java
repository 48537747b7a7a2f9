package io.solidafy.cdk.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.sink.StreamWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The hand-over between a stream's source and its sink: order, bounded memory, failures. */
class WriterThreadTest {

    /** Remembers what it was given, in order, and on which thread. */
    private static class Recording implements StreamWriter {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void write(ObjectNode record, long emittedAt) throws IOException {
            seen.add("r" + record.get("n").asInt());
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public List<String> commit() {
            return List.of();
        }

        @Override
        public void abort() {}
    }

    private static ObjectNode record(int n) {
        return JsonNodeFactory.instance.objectNode().put("n", n);
    }

    @Test
    void recordsAndActionsReachTheSinkInOrderOnTheWriterThread() {
        Recording sink = new Recording();
        WriterThread writer = new WriterThread("orders", sink);
        for (int n = 0; n < 1000; n++) {
            writer.write(record(n), n);
            if (n % 100 == 99) {
                int after = n;
                writer.then(() -> sink.seen.add("after r" + after));
            }
            if (n % 300 == 0) {
                writer.flush(); // a page ends: a partial batch goes over
            }
        }
        writer.drain();
        assertEquals(1010, sink.seen.size());
        int index = 0;
        for (int n = 0; n < 1000; n++) {
            assertEquals("r" + n, sink.seen.get(index++));
            if (n % 100 == 99) {
                assertEquals("after r" + n, sink.seen.get(index++));
            }
        }
        assertEquals("solidafy-writer-orders", sink.threads.get(999));
        assertNotEquals(Thread.currentThread().getName(), sink.threads.get(0));
    }

    @Test
    void aShortStreamIsWrittenWithoutAThread() {
        Recording sink = new Recording();
        WriterThread writer = new WriterThread("tiny", sink);
        writer.write(record(1), 1);
        writer.then(() -> sink.seen.add("checkpoint"));
        writer.drain();
        assertEquals(List.of("r1", "checkpoint"), sink.seen);
        assertEquals(Thread.currentThread().getName(), sink.threads.get(0));
        writer.then(() -> sink.seen.add("late log"));
        assertEquals("late log", sink.seen.get(2), "after the drain, actions run right away");
    }

    @Test
    void aSlowSinkHoldsTheSourceBackSoFewRecordsWaitInMemory() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handedOver = new AtomicInteger();
        Recording sink = new Recording() {
            @Override
            public void write(ObjectNode record, long emittedAt) throws IOException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                super.write(record, emittedAt);
            }
        };
        WriterThread writer = new WriterThread("slow", sink);
        Thread source = new Thread(() -> {
            for (int n = 0; n < 10_000; n++) {
                writer.write(record(n), n);
                handedOver.incrementAndGet();
            }
            writer.drain();
        });
        source.start();
        // the source fills the batch being written, the queue and the batch it builds, then waits
        int bound = WriterThread.BATCH * (WriterThread.QUEUED + 2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int before;
        do {
            before = handedOver.get();
            Thread.sleep(200);
        } while (handedOver.get() != before && System.nanoTime() < deadline);
        assertTrue(handedOver.get() <= bound, handedOver.get() + " records handed over while the sink wrote none");
        assertTrue(source.isAlive());
        release.countDown();
        source.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(10_000, sink.seen.size());
    }

    @Test
    void aSinkFailureSurfacesOnTheSourcesNextCallWithItsMessage() {
        Recording sink = new Recording() {
            @Override
            public void write(ObjectNode record, long emittedAt) throws IOException {
                if (record.get("n").asInt() == 300) {
                    throw new IOException("disk full");
                }
                super.write(record, emittedAt);
            }
        };
        WriterThread writer = new WriterThread("events", sink);
        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> {
            for (int n = 0; n < 100_000; n++) {
                writer.write(record(n), n);
            }
        });
        assertEquals("Writing a record of stream 'events' failed: disk full", failure.getMessage());
        assertEquals(300, sink.seen.size(), "nothing is written after the failure");
        writer.drainQuietly(); // the failed stream's clean-up does not throw again
    }

    @Test
    void aConnectorExceptionOfTheSinkKeepsItsType() {
        ConnectorException closed = new ConnectorException("Standard output cannot be written (Broken pipe), so the sync stopped.");
        Recording sink = new Recording() {
            @Override
            public void write(ObjectNode record, long emittedAt) {
                throw closed;
            }
        };
        WriterThread writer = new WriterThread("events", sink);
        for (int n = 0; n < WriterThread.BATCH; n++) {
            writer.write(record(n), n);
        }
        assertSame(closed, assertThrows(ConnectorException.class, writer::drain));
    }
}
