package io.solidafy.cdk.cloud.s3;

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

    @Override
    public ObjectStorage open(URI location) {
        return SdkLoader.factory().open(location);
    }
}
