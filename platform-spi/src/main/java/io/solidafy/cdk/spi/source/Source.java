package io.solidafy.cdk.spi.source;

import io.solidafy.cdk.spi.ConnectorException;
import java.util.List;

/**
 * An opened connector bound to one config.
 *
 * <p>Who calls it: the runtime, for one command or one HTTP request, then {@link #close()}s it.
 * Threading: {@link #read} may be called concurrently for different streams (up to the user's
 * {@code --concurrency}); the other methods are called from one thread and never concurrently with
 * {@code read}. Implementations share connection pools and tokens across streams, so a source is
 * thread-safe for {@code read}.
 */
public interface Source extends AutoCloseable {

    /**
     * Proves the config works (credentials, reachability). Problems are the answer, not
     * exceptions: a rejected key gives {@link ConnectionStatus#failed}.
     */
    ConnectionStatus check();

    /**
     * The streams this source offers, in the order {@code read} runs them by default, with keys and
     * cursor but without schemas (that is {@link #discover}'s job). Must not read any record.
     *
     * @throws ConnectorException when the list needs a connection that fails
     */
    List<StreamDescriptor> streams();

    /**
     * The streams with their JSON schemas. {@code sampleSize > 0} allows the source to read up to
     * that many records per stream to infer a schema; {@code 0} means declared schemas only.
     */
    default List<StreamDescriptor> discover(int sampleSize) {
        return streams();
    }

    /**
     * Reads one stream into the emitter, from the state in the request onwards.
     *
     * <p>Returning normally means the stream completed; throwing means it failed (a {@link
     * ConnectorException} message is shown as the stream's error, other exceptions are reported as
     * internal errors). A source stops early, without error, when {@link Emitter#record} returns
     * false or {@link Emitter#stopRequested()} is true.
     */
    void read(StreamReadRequest request, Emitter emitter) throws Exception;

    /** Releases connections, pools and temporary files. Never throws. */
    @Override
    default void close() {}
}
