package io.solidafy.cdk.cloud.s3.sdk;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the SDK client so that it also works with S3-compatible stores. */
final class S3Clients {

    private S3Clients() {}

    static S3Client build(S3Settings settings, TransferSettings transfers) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(Apache5HttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(2))
                        .maxConnections(Math.max(8, 2 * transfers.parallelParts()))
                        .build())
                .credentialsProvider(credentials(settings))
                .region(Region.of(settings.region().orElseGet(S3Clients::profileRegion)))
                // R2, MinIO, Ceph and older emulators reject the default CRC trailers and aws-chunked
                // bodies: send checksums only where S3 requires them, and sign plain bodies
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).expectContinueEnabled(false).build())
                // the SDK's standard retries: exponential backoff with jitter, slower on throttling (503 SlowDown, 429)
                .overrideConfiguration(o -> o.retryStrategy(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(transfers.maxAttempts()).build()));
        if (settings.endpoint().isPresent()) {
            builder.endpointOverride(settings.endpoint().get()).forcePathStyle(true);
        } else {
            builder.crossRegionAccessEnabled(settings.region().isEmpty());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        return settings.keys()
                .<AwsCredentialsProvider>map(k -> StaticCredentialsProvider.create(k.sessionToken().isPresent()
                        ? AwsSessionCredentials.create(k.accessKeyId(), k.secretAccessKey(), k.sessionToken().get())
                        : AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    private static String profileRegion() {
        try {
            Region region = new AwsProfileRegionProvider().getRegion();
            return region == null ? "us-east-1" : region.id();
        } catch (SdkClientException e) {
            return "us-east-1"; // with cross-region access, any region finds the bucket
        }
    }
}
