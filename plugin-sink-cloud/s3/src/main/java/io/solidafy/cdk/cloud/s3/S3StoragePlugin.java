package io.solidafy.cdk.cloud.s3;

import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.util.List;

/** The {@code s3://} and {@code r2://} object storages. */
public final class S3StoragePlugin implements Plugin {

    @Override
    public String name() {
        return "plugin-storage-s3";
    }

    @Override
    public List<StorageFactory> storages() {
        return List.of(new S3StorageFactory());
    }
}
