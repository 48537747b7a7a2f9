package io.solidafy.cdk.spi.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * Writes the records of one stream. Exactly one of {@link #commit()} or {@link #abort()} ends it.
 *
 * <p>The runtime emits a STATE message only after the records it covers are durable: either {@link
 * #checkpoint()} answered true, or {@link #commit()} returned.
 *
 * <p>Threading: one thread at a time. The runtime calls {@link #write} and {@link #checkpoint} from
 * a writer thread of the stream, in the order the source emitted, so that the source produces the
 * next records meanwhile; {@link #commit} or {@link #abort} follow once that thread finished.
 */
public interface StreamWriter {

    /**
     * Accepts one record.
     *
     * @param emittedAt when the runtime received it, in epoch milliseconds
     */
    void write(ObjectNode record, long emittedAt) throws IOException;

    /**
     * Makes every record written so far durable if the sink can do so now at a reasonable cost
     * (a JSON sink flushes, a file sink may publish a finished part).
     *
     * @return true when every record written so far is durable and a STATE covering them may be
     *         emitted; false to make the runtime hold that STATE until a later checkpoint or commit
     */
    default boolean checkpoint() throws IOException {
        return false;
    }

    /**
     * Publishes everything written and returns where it landed (full paths or URLs, first part
     * first); empty for formats that write no files.
     */
    List<String> commit() throws IOException;

    /**
     * Discards what is not yet published, leaving no partial file visible. Parts already
     * published by a successful {@link #checkpoint()} stay, since STATE may cover them. Never throws.
     */
    void abort();
}
