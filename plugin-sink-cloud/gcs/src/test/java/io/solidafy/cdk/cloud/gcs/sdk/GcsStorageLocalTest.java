package io.solidafy.cdk.cloud.gcs.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage over the client library's in-memory GCS ({@code LocalStorageHelper}): the real
 * {@code Storage} API and its resumable writer, without a server. The fake does not implement
 * generation preconditions on uploads: those are tested on the wire ({@link GcsWireTest}).
 */
class GcsStorageLocalTest {

    Storage gcs;
    GcsStorage storage;

    @BeforeEach
    void open() {
        gcs = LocalStorageHelper.getOptions().getService();
        storage = new GcsStorage(gcs, "bucket", "exports/stripe/");
    }

    List<String> names() {
        return StreamSupport.stream(gcs.list("bucket").iterateAll().spliterator(), false).map(Blob::getName).sorted().toList();
    }

    @Test
    void publishesALargeFileUnderThePrefix() throws IOException {
        byte[] content = new byte[20 * 1024 * 1024 + 123]; // three resumable chunks
        new Random(7).nextBytes(content);
        String key = "customers/dt=2025-12-14/part-1.parquet";
        Path staged = storage.stage(key);
        Files.write(staged, content);
        assertEquals(List.of(), names(), "staged data is not visible");

        String url = storage.publish(staged, key);

        assertEquals("gs://bucket/exports/stripe/" + key, url);
        assertEquals(List.of("exports/stripe/" + key), names());
        assertArrayEquals(content, gcs.readAllBytes(BlobId.of("bucket", "exports/stripe/" + key)));
        assertFalse(Files.exists(staged), "the local staging file is removed once published");
    }

    @Test
    void neverOverwritesAnExistingObject() throws IOException {
        String key = "orders/part-1.parquet";
        Path first = storage.stage(key);
        Files.writeString(first, "first");
        storage.publish(first, key);
        Path second = storage.stage(key);
        Files.writeString(second, "second");

        IOException e = assertThrows(IOException.class, () -> storage.publish(second, key));

        assertTrue(e.getMessage().contains("gs://bucket/exports/stripe/" + key), e.getMessage()); // the fake's own error; 412 is tested on the wire
        assertEquals("first", new String(gcs.readAllBytes(BlobId.of("bucket", "exports/stripe/" + key)), StandardCharsets.UTF_8));
        storage.discard(second);
        assertFalse(Files.exists(second));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
