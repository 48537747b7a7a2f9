package io.solidafy.cdk.cloud.gcs;

import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Opens {@code gs://bucket/prefix/} locations. Touches no Google SDK class until {@link #open}, so
 * listing plugins never loads the SDK.
 */
public final class GcsStorageFactory implements StorageFactory {

    private final Map<String, String> environment;

    /** @param environment where the {@code GOOGLE_*} and {@code GCS_ENDPOINT} variables are read (the process environment in production) */
    public GcsStorageFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public List<String> schemes() {
        return List.of("gs");
    }

    @Override
    public ObjectStorage open(URI location) {
        String bucket = location.getHost();
        if (bucket == null || bucket.isBlank()) {
            throw new ConnectorException("The GCS URL " + location + " names no bucket; write gs://<bucket>/<prefix>/.");
        }
        String prefix = location.getPath() == null ? "" : location.getPath().replaceAll("^/+", "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        return new GcsStorage(GcsSettings.from(environment).storage(), bucket, prefix);
    }
}
