package io.solidafy.cdk.spi.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A destination that publishes finished local files atomically under a key: readers see either
 * nothing or the whole object, never a part.
 *
 * <p>Protocol: {@link #stage} gives a local path to write; then exactly one of {@link #publish}
 * or {@link #discard}. Keys are relative, {@code /}-separated (e.g. {@code
 * customers/dt=2025-12-14/part-0001.parquet}). Thread-safe.
 */
public interface ObjectStorage extends AutoCloseable {

    /** The root this storage was opened on, as the user wrote it. */
    String location();

    /** A fresh local file to write the object for {@code key} into; not visible to readers. */
    Path stage(String key) throws IOException;

    /**
     * Makes the staged file visible under {@code key} atomically, never replacing an existing
     * object, and returns its full location (a path or URL).
     */
    String publish(Path staged, String key) throws IOException;

    /** Deletes a staged file that will not be published. Never throws. */
    void discard(Path staged);

    @Override
    default void close() throws IOException {}
}
