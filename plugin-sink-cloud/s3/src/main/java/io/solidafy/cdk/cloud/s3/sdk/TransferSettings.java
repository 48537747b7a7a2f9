package io.solidafy.cdk.cloud.s3.sdk;

/**
 * How objects are transferred.
 *
 * @param multipartThreshold files of at least this many bytes are uploaded in parts
 * @param partSize           bytes per part (S3 wants at least 5 MiB for every part but the last)
 * @param parallelParts      parts uploaded at once
 * @param maxAttempts        attempts per request, retried by the SDK with backoff (throttling,
 *                           5xx, connection errors)
 */
record TransferSettings(long multipartThreshold, long partSize, int parallelParts, int maxAttempts) {

    private static final long MIB = 1024 * 1024;

    TransferSettings {
        if (partSize < 5 * MIB || multipartThreshold < partSize || parallelParts < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("invalid transfer settings");
        }
    }

    TransferSettings withMaxAttempts(int attempts) {
        return new TransferSettings(multipartThreshold, partSize, parallelParts, attempts);
    }

    static TransferSettings defaults() {
        return new TransferSettings(16 * MIB, 8 * MIB, 4, 6);
    }
}
