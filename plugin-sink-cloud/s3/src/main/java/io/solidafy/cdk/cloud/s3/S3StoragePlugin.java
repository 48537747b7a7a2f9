package io.solidafy.cdk.cloud.s3;

import io.solidafy.cdk.spi.Plugin;

/** The s3// object storage (not implemented yet). */
public final class S3StoragePlugin implements Plugin {

    @Override
    public String name() {
        return "plugin-storage-s3";
    }
}
