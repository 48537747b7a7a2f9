package io.solidafy.cdk.cloud.azure;

import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Opens {@code az://container/prefix/} locations. Touches no Azure SDK class until {@link #open},
 * so listing plugins never loads the SDK.
 */
public final class AzureStorageFactory implements StorageFactory {

    private final Map<String, String> environment;

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
        String container = location.getHost();
        if (container == null || container.isBlank()) {
            throw new ConnectorException("The Azure URL " + location + " names no container; write az://<container>/<prefix>/.");
        }
        String prefix = location.getPath() == null ? "" : location.getPath().replaceAll("^/+", "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        AzureSettings settings = AzureSettings.from(environment);
        return new AzureBlobStorage(settings.containerClient(container), "az://" + container + "/" + prefix, prefix);
    }
}
