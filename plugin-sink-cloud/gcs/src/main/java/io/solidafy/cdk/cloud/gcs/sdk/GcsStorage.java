package io.solidafy.cdk.cloud.gcs.sdk;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.storage.ConcurrentWriteException;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StoredObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A bucket (and key prefix) of Google Cloud Storage. Objects are staged as local files and sent
 * with a resumable upload under {@code ifGenerationMatch=0}, which GCS enforces: an object exists
 * only once its upload is finalized, and an existing name is never replaced. State writes are
 * conditional on the generation read.
 */
final class GcsStorage implements ObjectStorage {

    /** Resumable upload chunk: memory per upload, whatever the file size. */
    private static final int CHUNK = 8 * 1024 * 1024;
    private static final String CREATE = "storage.objects.create";

    private final Storage storage;
    private final String bucket;
    private final String prefix;

    GcsStorage(Storage storage, String bucket, String prefix) {
        this.storage = storage;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public String location() {
        return "gs://" + bucket + "/" + prefix;
    }

    @Override
    public Path stage(String key) throws IOException {
        return Files.createTempFile("solidafy-gs-", ".staged");
    }

    @Override
    public String publish(Path staged, String key) throws IOException {
        try {
            storage.createFrom(BlobInfo.newBuilder(bucket, prefix + key).build(), staged, CHUNK, Storage.BlobWriteOption.doesNotExist());
        } catch (StorageException e) {
            if (e.getCode() == 412) {
                throw new IOException("Refusing to overwrite existing object " + url(key) + ".", e);
            }
            throw failed("upload " + url(key), e);
        } catch (RuntimeException e) {
            throw failed("upload " + url(key), e);
        }
        Files.deleteIfExists(staged);
        return url(key);
    }

    @Override
    public void discard(Path staged) {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            // best effort: a leftover temp file is never visible in the bucket
        }
    }

    /** Asks GCS whether the caller may create objects in the bucket: no object is written. */
    @Override
    public void checkWritable() {
        List<Boolean> granted;
        try {
            granted = storage.testIamPermissions(bucket, List.of(CREATE));
        } catch (StorageException e) {
            if (e.getCode() == 404) {
                throw new ConnectorException("GCS bucket '" + bucket + "' does not exist; create it or fix the gs:// URL.", e);
            }
            if (e.getCode() == 401 || e.getCode() == 403) {
                throw new ConnectorException("GCS refused the credentials for bucket '" + bucket + "' (" + e.getCode() + "); check "
                        + GcsSettings.KEY_FILE + " or " + GcsSettings.KEY_JSON + ".", e);
            }
            throw new ConnectorException("Could not reach GCS bucket '" + bucket + "': " + describe(e) + "; check "
                    + GcsSettings.ENDPOINT + " and the network.", e);
        } catch (RuntimeException e) {
            throw new ConnectorException("Could not reach GCS bucket '" + bucket + "': " + describe(e) + "; check "
                    + GcsSettings.ENDPOINT + " and the network.", e);
        }
        if (granted.isEmpty() || !granted.get(0)) {
            throw new ConnectorException("The GCS credentials may not create objects in bucket '" + bucket
                    + "'; grant them " + CREATE + " (e.g. the Storage Object Creator role).");
        }
    }

    @Override
    public Optional<StoredObject> read(String key) throws IOException {
        try {
            Blob blob = storage.get(BlobId.of(bucket, prefix + key));
            if (blob == null) {
                return Optional.empty();
            }
            // read exactly the generation whose number is returned, even if a writer raced in between
            byte[] bytes = storage.readAllBytes(BlobId.of(bucket, prefix + key, blob.getGeneration()));
            return Optional.of(new StoredObject(bytes, String.valueOf(blob.getGeneration())));
        } catch (RuntimeException e) {
            throw failed("read " + url(key), e);
        }
    }

    /** One upload, conditional on the generation read ({@code ifGenerationMatch=g}) or on absence ({@code ifGenerationMatch=0}). */
    @Override
    public String write(String key, byte[] bytes, Optional<String> expectedVersion) throws IOException {
        Storage.BlobTargetOption condition = expectedVersion
                .map(generation -> Storage.BlobTargetOption.generationMatch(Long.parseLong(generation)))
                .orElseGet(Storage.BlobTargetOption::doesNotExist);
        try {
            Blob written = storage.create(BlobInfo.newBuilder(bucket, prefix + key).build(), bytes, condition);
            return String.valueOf(written.getGeneration());
        } catch (StorageException e) {
            if (e.getCode() == 412) {
                throw new ConcurrentWriteException(url(key) + " was " + (expectedVersion.isPresent() ? "changed" : "created")
                        + " by another run since this run read it; run again after that run ends, or give each run its own state object.", e);
            }
            throw failed("write " + url(key), e);
        } catch (RuntimeException e) {
            throw failed("write " + url(key), e);
        }
    }

    private String url(String key) {
        return location() + key;
    }

    private static IOException failed(String action, RuntimeException e) {
        return new IOException("Could not " + action + ": " + describe(e) + ".", e);
    }

    private static String describe(RuntimeException e) {
        if (e instanceof StorageException s && s.getCode() > 0) {
            return "GCS answered " + s.getCode() + (s.getReason() == null ? "" : " " + s.getReason());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
