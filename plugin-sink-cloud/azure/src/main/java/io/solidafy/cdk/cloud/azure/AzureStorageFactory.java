package io.solidafy.cdk.cloud.azure;

import io.solidafy.cdk.spi.SdkFolder;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Opens {@code az://container/prefix/} locations; loads the Azure SDK on the first one ({@link SdkFolder}). */
public final class AzureStorageFactory implements StorageFactory {

    private final Map<String, String> environment;
    private StorageOpener opener;

    /** @param environment where the {@code AZURE_STORAGE_*} variables are read (the process environment in production) */
    public AzureStorageFactory(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public List<String> schemes() {
        return List.of("az");
    }

    @Override
    public ObjectStorage open(URI location) {
        return opener().open(location, environment);
    }

    private synchronized StorageOpener opener() {
        if (opener == null) {
            opener = SdkFolder.instantiate(AzureStorageFactory.class, "io.solidafy.cdk.cloud.azure.sdk.AzureOpener", StorageOpener.class);
        }
        return opener;
    }
}
