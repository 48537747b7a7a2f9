package io.solidafy.cdk.spi.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

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

    /**
     * Fails fast, before a sync reads its source, when objects cannot be published here: missing
     * credentials, an unknown bucket or container, a denied write. Implementations may probe with a
     * small request but must leave nothing visible behind.
     *
     * @throws io.solidafy.cdk.spi.ConnectorException one sentence naming the variable, bucket or
     *         permission to fix
     */
    default void checkWritable() throws IOException {}

    /**
     * Reads a small object whole (a state file); empty when it does not exist.
     *
     * @throws UnsupportedOperationException when this storage cannot hold state
     */
    default Optional<StoredObject> read(String key) throws IOException {
        throw new UnsupportedOperationException(location() + " cannot hold state files.");
    }

    /**
     * Replaces a small object with {@code bytes} in one atomic write, only if it is still at {@code
     * expectedVersion} (empty: only if it does not exist yet), and returns the new version.
     *
     * @throws ConcurrentWriteException when another writer changed or created it meanwhile
     * @throws UnsupportedOperationException when this storage cannot hold state
     */
    default String write(String key, byte[] bytes, Optional<String> expectedVersion) throws IOException {
        throw new UnsupportedOperationException(location() + " cannot hold state files.");
    }

    @Override
    default void close() throws IOException {}
}
