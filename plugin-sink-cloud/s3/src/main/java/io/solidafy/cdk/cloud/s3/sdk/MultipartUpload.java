package io.solidafy.cdk.cloud.s3.sdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploads one staged file in parts, several at once. Nothing is visible until the upload is
 * completed (create-only); on any failure it is aborted, so no part lingers.
 */
final class MultipartUpload {

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final TransferSettings settings;

    MultipartUpload(S3Client client, String bucket, String key, TransferSettings settings) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.settings = settings;
    }

    void upload(Path file) throws IOException {
        long size = Files.size(file);
        int parts = (int) ((size + settings.partSize() - 1) / settings.partSize());
        String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> completed = uploadParts(file, size, parts, uploadId);
            client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId).ifNoneMatch("*")
                    .multipartUpload(m -> m.parts(completed)));
        } catch (IOException | RuntimeException e) {
            abort(uploadId, e);
            throw e;
        }
    }

    private List<CompletedPart> uploadParts(Path file, long size, int parts, String uploadId) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parts, settings.parallelParts()), runnable -> {
            Thread thread = new Thread(runnable, "s3-upload-" + key);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<CompletedPart>> futures = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                int number = i + 1;
                long offset = i * settings.partSize();
                long length = Math.min(settings.partSize(), size - offset);
                futures.add(pool.submit(() -> uploadPart(file, uploadId, number, offset, length)));
            }
            List<CompletedPart> completed = new ArrayList<>();
            for (Future<CompletedPart> future : futures) {
                completed.add(future.get());
            }
            return completed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while uploading " + key + ".", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private CompletedPart uploadPart(Path file, String uploadId, int number, long offset, long length) {
        String eTag = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number).contentLength(length),
                RequestBody.fromContentProvider(() -> {
                    try {
                        return new FileSlice(file, offset, length);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, length, "application/octet-stream")).eTag();
        return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    }

    private void abort(String uploadId, Exception failure) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            failure.addSuppressed(e); // the store's lifecycle rules remove it; it was never visible
        }
    }
}
