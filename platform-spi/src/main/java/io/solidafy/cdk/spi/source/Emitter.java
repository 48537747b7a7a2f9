package io.solidafy.cdk.spi.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.LogLevel;

/**
 * Where {@link Source#read} pushes what it reads for one stream.
 *
 * <p>The runtime counts records, tracks the cursor (maximum of the stream's cursor field over all
 * records), enforces {@code --max-records}, hands records to the sink and turns checkpoints into
 * STATE messages once the sink made the data before them durable.
 *
 * <p>Threading: one emitter per stream, used by the thread that called {@code read} (or threads it
 * hands off to, one at a time). Not for concurrent use.
 */
public interface Emitter {

    /**
     * Emits one record. The runtime may keep a reference until the sink wrote it, so do not mutate
     * the node afterwards.
     *
     * @return false when the runtime wants no more records (the limit is reached or the run is
     *         cancelled); the source should then return from {@code read}
     */
    boolean record(ObjectNode data);

    /**
     * Declares that every record emitted so far is covered by {@code streamState}, which may be
     * saved and passed back on the next run. The runtime emits it as a STATE message after the sink
     * made those records durable, never before. The runtime owns {@code cursor} on completion (the
     * maximum it tracked); a source adds its own keys such as {@code partitions}.
     */
    void checkpoint(ObjectNode streamState);

    /** Reports one fetched page (logged at DEBUG as {@code Page N: fetched M records}). */
    void page(int recordCount);

    /** Emits a LOG protocol message; secrets are masked by the runtime. */
    void log(LogLevel level, String message);

    /** True once the runtime wants no more records. */
    boolean stopRequested();
}
