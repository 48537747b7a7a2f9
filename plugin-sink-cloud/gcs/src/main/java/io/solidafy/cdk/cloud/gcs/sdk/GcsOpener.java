package io.solidafy.cdk.cloud.gcs.sdk;

import io.solidafy.cdk.cloud.gcs.StorageOpener;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.net.URI;
import java.util.Map;

/** Opens a {@code gs://bucket/prefix/} URL as a {@link GcsStorage}. */
public final class GcsOpener implements StorageOpener {

    @Override
    public ObjectStorage open(URI location, Map<String, String> environment) {
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
