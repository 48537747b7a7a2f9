package io.solidafy.cdk.spi.storage;

import java.net.URI;
import java.util.List;

/**
 * Provides object storages for URL schemes ({@code file}, {@code s3}, {@code r2}, {@code gs},
 * {@code az}). Thread-safe; {@link #schemes()} must be cheap (no SDK start-up).
 */
public interface StorageFactory {

    /** URL schemes handled, lower case, e.g. {@code ["s3", "r2"]}. */
    List<String> schemes();

    /**
     * Opens the storage rooted at {@code location} (e.g. {@code s3://bucket/prefix/}). Credentials
     * come from the environment variables documented for each provider.
     *
     * @throws io.solidafy.cdk.spi.ConnectorException when the location or credentials are unusable
     */
    ObjectStorage open(URI location);
}
