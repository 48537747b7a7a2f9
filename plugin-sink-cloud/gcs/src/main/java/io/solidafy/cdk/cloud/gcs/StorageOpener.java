package io.solidafy.cdk.cloud.gcs;

import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.net.URI;
import java.util.Map;

/** The SDK side of the plugin, behind the one call the SDK-free side makes. */
public interface StorageOpener {

    /** Opens {@code location} with the credentials and endpoint found in {@code environment}. */
    ObjectStorage open(URI location, Map<String, String> environment);
}
