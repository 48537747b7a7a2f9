package io.solidafy.cdk.cloud.gcs;

import io.solidafy.cdk.spi.SdkFolder;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Opens {@code gs://bucket/prefix/} locations; loads the Google SDK on the first one ({@link SdkFolder}). */
public final class GcsStorageFactory implements StorageFactory {

    private final Map<String, String> environment;
    private StorageOpener opener;

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
        return opener().open(location, environment);
    }

    private synchronized StorageOpener opener() {
        if (opener == null) {
            opener = SdkFolder.instantiate(GcsStorageFactory.class, "io.solidafy.cdk.cloud.gcs.sdk.GcsOpener", StorageOpener.class);
        }
        return opener;
    }
}
