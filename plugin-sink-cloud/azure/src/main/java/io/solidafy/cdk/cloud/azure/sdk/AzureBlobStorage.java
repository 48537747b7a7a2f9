package io.solidafy.cdk.cloud.azure.sdk;

import com.azure.core.http.rest.Response;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobDownloadContentResponse;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import io.solidafy.cdk.spi.storage.ConcurrentWriteException;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StoredObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A container (and key prefix) of Azure Blob Storage. Objects are staged as local files and
 * uploaded as blocks that stay invisible until the block list is committed with {@code
 * If-None-Match: *}, which Azure enforces: a name is never overwritten and a failed upload leaves
 * no blob behind (uncommitted blocks expire on their own).
 */
final class AzureBlobStorage implements ObjectStorage {

    /** Blocks of 8 MiB, up to 4 in flight: a few tens of MiB of memory, whatever the file size. */
    private static final ParallelTransferOptions TRANSFER = new ParallelTransferOptions()
            .setBlockSizeLong(8L * 1024 * 1024)
            .setMaxSingleUploadSizeLong(8L * 1024 * 1024)
            .setMaxConcurrency(4);

    private final BlobContainerClient container;
    private final String location;
    private final String prefix;
    private final AzureErrors errors;

    AzureBlobStorage(BlobContainerClient container, String location, String prefix) {
        this.container = container;
        this.location = location;
        this.prefix = prefix;
        this.errors = new AzureErrors(container.getBlobContainerName(), container.getAccountName());
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public Path stage(String key) throws IOException {
        return Files.createTempFile("solidafy-az-", ".staged");
    }

    @Override
    public String publish(Path staged, String key) throws IOException {
        String name = prefix + key;
        try {
            container.getBlobClient(name).uploadFromFileWithResponse(
                    new BlobUploadFromFileOptions(staged.toString())
                            .setParallelTransferOptions(TRANSFER)
                            .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")),
                    null, Context.NONE);
        } catch (BlobStorageException e) {
            if (e.getErrorCode() == BlobErrorCode.BLOB_ALREADY_EXISTS || e.getStatusCode() == 412) {
                throw new IOException("Refusing to overwrite existing blob " + url(key) + ".", e);
            }
            throw errors.io("upload " + url(key), e);
        } catch (RuntimeException e) {
            throw errors.io("upload " + url(key), e);
        }
        Files.deleteIfExists(staged);
        return url(key);
    }

    @Override
    public void discard(Path staged) {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            // best effort: a leftover temp file is never visible in the container
        }
    }

    /**
     * Stages one uncommitted block under a fresh name: it needs write permission and the container,
     * and leaves no blob behind (Azure drops uncommitted blocks after a week).
     */
    @Override
    public void checkWritable() {
        String probe = prefix + ".solidafy-write-probe-" + UUID.randomUUID();
        String blockId = Base64.getEncoder().encodeToString("probe".getBytes(StandardCharsets.US_ASCII));
        try {
            container.getBlobClient(probe).getBlockBlobClient().stageBlock(blockId, BinaryData.fromBytes(new byte[] {0}));
        } catch (RuntimeException e) {
            throw errors.fatal(e);
        }
    }

    @Override
    public Optional<StoredObject> read(String key) throws IOException {
        try {
            BlobDownloadContentResponse response = container.getBlobClient(prefix + key)
                    .downloadContentWithResponse(null, null, null, Context.NONE);
            return Optional.of(new StoredObject(response.getValue().toBytes(), response.getDeserializedHeaders().getETag()));
        } catch (BlobStorageException e) {
            if (e.getErrorCode() == BlobErrorCode.BLOB_NOT_FOUND) {
                return Optional.empty();
            }
            throw errors.io("read " + url(key), e);
        } catch (RuntimeException e) {
            throw errors.io("read " + url(key), e);
        }
    }

    /** One Put Blob, conditional on the ETag read ({@code If-Match}) or on absence ({@code If-None-Match: *}). */
    @Override
    public String write(String key, byte[] bytes, Optional<String> expectedVersion) throws IOException {
        BlobRequestConditions condition = expectedVersion
                .map(etag -> new BlobRequestConditions().setIfMatch(etag))
                .orElseGet(() -> new BlobRequestConditions().setIfNoneMatch("*"));
        try {
            Response<BlockBlobItem> response = container.getBlobClient(prefix + key).getBlockBlobClient().uploadWithResponse(
                    new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(bytes)).setRequestConditions(condition), null, Context.NONE);
            return response.getValue().getETag();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 412 || e.getErrorCode() == BlobErrorCode.BLOB_ALREADY_EXISTS) {
                throw new ConcurrentWriteException(url(key) + " was " + (expectedVersion.isPresent() ? "changed" : "created")
                        + " by another run since this run read it; run again after that run ends, or give each run its own state object.");
            }
            throw errors.io("write " + url(key), e);
        } catch (RuntimeException e) {
            throw errors.io("write " + url(key), e);
        }
    }

    private String url(String key) {
        return location + key;
    }
}
