package io.solidafy.cdk.cloud;

import io.solidafy.cdk.spi.Plugin;

/** Cloud object storages (s3, r2, gs, az): no storage is provided yet; a later issue fills this module. */
public final class CloudStoragePlugin implements Plugin {

    @Override
    public String name() {
        return "plugin-sink-cloud";
    }
}
