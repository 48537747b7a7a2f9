package io.solidafy.cdk.parquet.write;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.parquet.schema.TypeMerger;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Loads and initialises the Parquet writer's classes by writing one record to nowhere. On a cold
 * JVM that takes about 300 ms (some 1,500 classes, the footer's JSON mapper, the codecs), and a
 * stream's first part would otherwise spend it on the encoder thread while the source waits.
 * The sink runs this on a spare thread as it opens, alongside the source's own start.
 */
public final class WriterWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private WriterWarmUp() {}

    /** Runs the warm-up on a daemon thread, the first time a sink opens in this JVM. */
    public static void startOnce(WriterSettings settings) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                run(settings);
            } catch (IOException | RuntimeException e) {
                // only a head start: the real parts report whatever is wrong
            }
        }, "parquet-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Writes a record with every kind of column to a discarding file, whose size it returns; the
     * caller ignores failures.
     */
    public static long run(WriterSettings settings) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode record = nodes.objectNode().put("text", "warm-up").put("number", 42L).put("decimal", new BigDecimal("1.5"))
                .put("flag", true).putNull("nothing");
        record.putObject("nested").put("inner", "x");
        record.putArray("items").addObject().put("id", 1);
        record.putArray("tags").add("a");
        ParquetSchema schema = ParquetSchema.of(new TypeMerger(100).recordTypeOf(record));
        LeafTape tape = new LeafTape(1024);
        for (int i = 0; i < 2; i++) {
            tape.begin();
            schema.tryShred(record, tape);
            tape.end();
        }
        Nowhere nowhere = new Nowhere();
        RowGroupWriter writer = new RowGroupWriter(nowhere, schema, settings, Map.of("solidafy.warm_up", "true"), Set.of("text"));
        writer.write(tape, 0, 1);
        writer.write(tape, 1, 2);
        writer.close();
        return nowhere.bytes;
    }

    /** An output file that counts and drops its bytes. */
    private static final class Nowhere implements OutputFile {
        private long bytes;

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes;
                }

                @Override
                public void write(int b) {
                    bytes++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes += len;
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
