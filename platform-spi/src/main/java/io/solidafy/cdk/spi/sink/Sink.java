package io.solidafy.cdk.spi.sink;

import io.solidafy.cdk.spi.source.StreamDescriptor;
import java.io.IOException;

/**
 * One run's output in one format: a writer per stream.
 *
 * <p>Threading: {@link #openStream} may be called concurrently for different streams; each writer
 * is used by one thread at a time.
 */
public interface Sink extends AutoCloseable {

    /** Opens the writer for one stream. Called once per stream, before its first record. */
    StreamWriter openStream(StreamDescriptor stream) throws IOException;

    /** Releases shared resources after every writer was committed or aborted. */
    @Override
    default void close() throws IOException {}
}
