package io.solidafy.cdk.cloud.s3.sdk;

import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opens {@code s3://bucket/prefix/} and {@code r2://bucket/prefix/} storages with the AWS SDK. Loaded
 * from the plugin's {@code sdk/} folder on first use (see {@code S3StorageFactory}).
 */
public final class SdkStorageFactory implements StorageFactory {

    private final Function<String, Optional<String>> environment;
    private final TransferSettings transfers;

    /** Settings from the environment variables (or Java system properties of the same names). */
    public SdkStorageFactory() {
        this(S3Settings::systemEnvironment, TransferSettings.defaults());
    }

    SdkStorageFactory(Function<String, Optional<String>> environment, TransferSettings transfers) {
        this.environment = environment;
        this.transfers = transfers;
    }

    @Override
    public List<String> schemes() {
        return List.of("s3", "r2");
    }

    @Override
    public ObjectStorage open(URI location) {
        S3Location where = S3Location.parse(location);
        S3Settings settings = S3Settings.resolve(where.scheme(), environment);
        return new S3ObjectStorage(where, settings, settings.maxAttempts().map(transfers::withMaxAttempts).orElse(transfers));
    }
}
