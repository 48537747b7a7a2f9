package io.solidafy.cdk.cloud.azure;

import io.solidafy.cdk.spi.Plugin;

/** The az// object storage (not implemented yet). */
public final class AzureStoragePlugin implements Plugin {

    @Override
    public String name() {
        return "plugin-storage-azure";
    }
}
