package io.solidafy.cdk.spi.sink;

import java.util.List;

/**
 * Provides output formats ({@code --format json|pretty|parquet|...}).
 *
 * <p>Format and destination are orthogonal: a sink decides how records become bytes, an {@link
 * io.solidafy.cdk.spi.storage.ObjectStorage} where finished files land. Thread-safe.
 */
public interface SinkFactory {

    /** The format names this factory writes, e.g. {@code ["parquet"]}. */
    List<String> formats();

    /** True when this format writes files and therefore needs {@code --output}. */
    default boolean writesFiles() {
        return true;
    }

    /** Opens a sink for one run. */
    Sink open(SinkRequest request);
}
