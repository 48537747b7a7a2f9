package io.solidafy.cdk.cloud.gcs;

import io.solidafy.cdk.spi.Plugin;

/** The gs// object storage (not implemented yet). */
public final class GcsStoragePlugin implements Plugin {

    @Override
    public String name() {
        return "plugin-storage-gcs";
    }
}
