package io.solidafy.cdk.cloud.s3;

import io.solidafy.cdk.spi.SdkFolder;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.net.URI;
import java.util.List;

/**
 * {@code s3://} and {@code r2://}: answers {@link #schemes()} by itself and hands {@link #open} to
 * the AWS SDK side, loaded on first use, so {@code list}, {@code spec} and syncs to other
 * destinations never touch the SDK's jars.
 */
public final class S3StorageFactory implements StorageFactory {

    @Override
    public List<String> schemes() {
        return List.of("s3", "r2");
    }

    private StorageFactory sdk;

    @Override
    public ObjectStorage open(URI location) {
        return sdk().open(location);
    }

    /** The AWS SDK side, from the plugin's {@code sdk/} folder (a module layer over its ~35 jars would cost every command ~0.15 s of CPU). */
    private synchronized StorageFactory sdk() {
        if (sdk == null) {
            sdk = SdkFolder.instantiate(S3StorageFactory.class, "io.solidafy.cdk.cloud.s3.sdk.SdkStorageFactory", StorageFactory.class);
        }
        return sdk;
    }
}
