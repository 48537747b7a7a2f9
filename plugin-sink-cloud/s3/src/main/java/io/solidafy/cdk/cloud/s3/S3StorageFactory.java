package io.solidafy.cdk.cloud.s3;

import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opens {@code s3://bucket/prefix/} and {@code r2://bucket/prefix/} storages. Nothing of the AWS SDK
 * is loaded before {@link #open}, so commands that never use these schemes do not pay for it.
 */
public final class S3StorageFactory implements StorageFactory {

    private final Function<String, Optional<String>> environment;
    private final TransferSettings transfers;

    /** Settings from the environment variables (or Java system properties of the same names). */
    public S3StorageFactory() {
        this(S3Settings::systemEnvironment, TransferSettings.defaults());
    }

    S3StorageFactory(Function<String, Optional<String>> environment, TransferSettings transfers) {
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
