package io.solidafy.cdk.cloud.azure;

import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.util.List;

/** The {@code az://} object storage (Azure Blob Storage). */
public final class AzureStoragePlugin implements Plugin {

    @Override
    public String name() {
        return "plugin-storage-azure";
    }

    @Override
    public List<StorageFactory> storages() {
        return List.of(new AzureStorageFactory(System.getenv()));
    }
}
