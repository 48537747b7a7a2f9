package io.solidafy.cdk.cloud.gcs;

import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.util.List;

/** The {@code gs://} object storage (Google Cloud Storage). */
public final class GcsStoragePlugin implements Plugin {

    @Override
    public String name() {
        return "plugin-storage-gcs";
    }

    @Override
    public List<StorageFactory> storages() {
        return List.of(new GcsStorageFactory(System.getenv()));
    }
}
