package io.solidafy.cdk.runtime.progress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.sink.Sink;
import io.solidafy.cdk.spi.sink.StreamWriter;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * A sink that counts what passes through it and reports each stream's progress, at most once per
 * {@link ProgressMode#interval()} and once when the stream ends: on stderr (never stdout: it carries
 * protocol messages only) or as LOG messages. Reports come from the thread writing the stream, so a
 * LOG message never interleaves with another message.
 */
public final class ProgressSink implements Sink {

    /** Records between two looks at the clock. */
    private static final int CLOCK_EVERY = 1024;

    private final Sink sink;
    private final ProgressMode mode;
    private final PrintStream stderr;
    private final BiConsumer<LogLevel, String> log;
    private final LongSupplier clock;

    ProgressSink(Sink sink, ProgressMode mode, PrintStream stderr, BiConsumer<LogLevel, String> log, LongSupplier clock) {
        this.sink = sink;
        this.mode = mode;
        this.stderr = stderr;
        this.log = log;
        this.clock = clock;
    }

    /** {@code sink} itself when {@code mode} is OFF, else the sink reporting progress. */
    public static Sink wrap(Sink sink, ProgressMode mode, PrintStream stderr, BiConsumer<LogLevel, String> log) {
        return mode == ProgressMode.OFF ? sink : new ProgressSink(sink, mode, stderr, log, System::nanoTime);
    }

    @Override
    public StreamWriter openStream(StreamDescriptor stream) throws IOException {
        return new Counting(sink.openStream(stream), new StreamProgress(stream.name(), clock.getAsLong()));
    }

    @Override
    public void close() throws IOException {
        sink.close();
    }

    private void report(StreamProgress progress, boolean last) {
        String line = progress.describe(clock.getAsLong());
        if (mode == ProgressMode.LOG) {
            log.accept(LogLevel.INFO, (last ? "Progress (done) " : "Progress ") + line);
        } else {
            // \r and erase-to-end-of-line rewrite the line in place; the last report keeps its line
            stderr.print("\r" + line + "\u001b[K" + (last ? "\n" : ""));
            stderr.flush();
        }
    }

    private final class Counting implements StreamWriter {

        private final StreamWriter writer;
        private final StreamProgress progress;
        private final long intervalNanos = mode.interval().toNanos();
        private long nextReport;

        Counting(StreamWriter writer, StreamProgress progress) {
            this.writer = writer;
            this.progress = progress;
            this.nextReport = clock.getAsLong() + intervalNanos;
        }

        @Override
        public void write(ObjectNode record, long emittedAt) throws IOException {
            writer.write(record, emittedAt);
            progress.record();
            if (progress.records() % CLOCK_EVERY == 0) {
                reportIfDue();
            }
        }

        @Override
        public boolean checkpoint() throws IOException {
            boolean durable = writer.checkpoint();
            progress.batch();
            reportIfDue();
            return durable;
        }

        @Override
        public List<String> commit() throws IOException {
            List<String> files = writer.commit();
            report(progress, true);
            return files;
        }

        @Override
        public void abort() {
            writer.abort();
            if (mode == ProgressMode.STDERR) {
                report(progress, true);
            }
        }

        private void reportIfDue() {
            long now = clock.getAsLong();
            if (now >= nextReport) {
                nextReport = now + intervalNanos;
                report(progress, false);
            }
        }
    }
}
