package io.solidafy.cdk.cloud.azure.sdk;

import io.solidafy.cdk.cloud.azure.StorageOpener;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.net.URI;
import java.util.Map;

/** Opens an {@code az://container/prefix/} URL as an {@link AzureBlobStorage}. */
public final class AzureOpener implements StorageOpener {

    @Override
    public ObjectStorage open(URI location, Map<String, String> environment) {
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
