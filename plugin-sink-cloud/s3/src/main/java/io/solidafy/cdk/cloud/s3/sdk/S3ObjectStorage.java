package io.solidafy.cdk.cloud.s3.sdk;

import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.storage.ConcurrentWriteException;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StoredObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * An S3 bucket prefix as an object storage. Files are staged on local disk and uploaded when
 * published: one PUT, or a multipart upload for large files, both create-only ({@code If-None-Match:
 * *}), so a reader sees a whole object or none. State objects are compare-and-swapped on their ETag.
 */
final class S3ObjectStorage implements ObjectStorage {

    private final S3Location where;
    private final S3Settings settings;
    private final TransferSettings transfers;
    private final S3Client client;
    private Path stagingDir;

    S3ObjectStorage(S3Location where, S3Settings settings, TransferSettings transfers) {
        this.where = where;
        this.settings = settings;
        this.transfers = transfers;
        this.client = S3Clients.build(settings, transfers);
    }

    @Override
    public String location() {
        return where.root();
    }

    @Override
    public Path stage(String key) throws IOException {
        where.key(key); // rejects a key that escapes the prefix before any byte is written
        return Files.createTempFile(stagingDir(), "part-", ".staged");
    }

    @Override
    public String publish(Path staged, String key) throws IOException {
        String objectKey = where.key(key);
        String url = where.url(key);
        try {
            if (Files.size(staged) >= transfers.multipartThreshold()) {
                new MultipartUpload(client, where.bucket(), objectKey, transfers).upload(staged);
            } else {
                client.putObject(b -> b.bucket(where.bucket()).key(objectKey).ifNoneMatch("*"), RequestBody.fromFile(staged));
            }
        } catch (SdkException e) {
            if (S3Errors.preconditionFailed(e)) {
                throw new IOException("Refusing to overwrite existing object " + url + ".", e);
            }
            throw new IOException(S3Errors.describe(e, "Uploading " + url, where, settings), e);
        }
        Files.deleteIfExists(staged);
        return url;
    }

    @Override
    public void discard(Path staged) {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            // best effort: the staging folder is removed on close
        }
    }

    /**
     * Starts and aborts a multipart upload under the prefix: it needs the same permission as a
     * write and, unlike a probe object, is never visible to readers.
     */
    @Override
    public void checkWritable() {
        String probe = where.key(".solidafy-write-check-" + UUID.randomUUID());
        try {
            String uploadId = client.createMultipartUpload(b -> b.bucket(where.bucket()).key(probe)).uploadId();
            client.abortMultipartUpload(b -> b.bucket(where.bucket()).key(probe).uploadId(uploadId));
        } catch (SdkException e) {
            throw new ConnectorException(S3Errors.describe(e, "Writing to " + where.root(), where, settings), e);
        }
    }

    @Override
    public Optional<StoredObject> read(String key) throws IOException {
        String url = where.url(key);
        try {
            ResponseBytes<GetObjectResponse> object = client.getObjectAsBytes(b -> b.bucket(where.bucket()).key(where.key(key)));
            return Optional.of(new StoredObject(object.asByteArray(), object.response().eTag()));
        } catch (SdkException e) {
            if (S3Errors.notFound(e)) {
                return Optional.empty();
            }
            throw new ConnectorException(S3Errors.describe(e, "Reading " + url, where, settings), e);
        }
    }

    /**
     * Checks the current ETag first (so stores that ignore conditional headers still catch most
     * races), then PUTs with {@code If-Match}, or {@code If-None-Match: *} for a new object, which
     * S3 itself enforces atomically.
     */
    @Override
    public String write(String key, byte[] bytes, Optional<String> expectedVersion) throws IOException {
        String objectKey = where.key(key);
        String url = where.url(key);
        try {
            Optional<String> current = currentVersion(objectKey);
            if (!current.equals(expectedVersion)) {
                throw conflict(url, null);
            }
            PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(where.bucket()).key(objectKey)
                    .contentType("application/json");
            expectedVersion.ifPresentOrElse(request::ifMatch, () -> request.ifNoneMatch("*"));
            return client.putObject(request.build(), RequestBody.fromBytes(bytes)).eTag();
        } catch (SdkException e) {
            if (S3Errors.preconditionFailed(e)) {
                throw conflict(url, e);
            }
            throw new ConnectorException(S3Errors.describe(e, "Writing " + url, where, settings), e);
        }
    }

    private Optional<String> currentVersion(String objectKey) {
        try {
            return Optional.of(client.headObject(b -> b.bucket(where.bucket()).key(objectKey)).eTag());
        } catch (SdkException e) {
            if (S3Errors.notFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static ConcurrentWriteException conflict(String url, Exception cause) {
        return new ConcurrentWriteException(url + " was changed by another writer since it was read, so it was not overwritten;"
                + " run again to continue from its current content.", cause);
    }

    private synchronized Path stagingDir() throws IOException {
        if (stagingDir == null) {
            stagingDir = Files.createTempDirectory("solidafy-s3-");
        }
        return stagingDir;
    }

    @Override
    public synchronized void close() throws IOException {
        client.close();
        if (stagingDir != null) {
            try (Stream<Path> files = Files.walk(stagingDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(this::discard);
            }
            stagingDir = null;
        }
    }
}
