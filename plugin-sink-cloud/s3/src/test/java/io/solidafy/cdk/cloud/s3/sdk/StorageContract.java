package io.solidafy.cdk.cloud.s3.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.solidafy.cdk.cloud.s3.S3StoragePlugin;
import io.solidafy.cdk.runtime.plugin.LoadedPlugin;
import io.solidafy.cdk.runtime.plugin.PluginRegistry;
import io.solidafy.cdk.runtime.state.StateFile;
import io.solidafy.cdk.runtime.state.SyncState;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.storage.ConcurrentWriteException;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StoredObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What every S3-compatible store must do through {@link SdkStorageFactory}; one subclass per emulator. */
abstract class StorageContract {

    static final long MIB = 1024 * 1024;
    /** Small parts, so a multipart upload takes a few MiB. */
    static final TransferSettings SMALL_PARTS = new TransferSettings(5 * MIB, 5 * MIB, 2, 2);

    abstract S3Emulator emulator();

    private int buckets;

    private String bucket() {
        return emulator().createBucket("contract-" + getClass().getSimpleName().toLowerCase() + "-" + (++buckets) + "-" + System.nanoTime() % 100000);
    }

    private ObjectStorage open(String url) {
        return new SdkStorageFactory(emulator().lookup(), SMALL_PARTS).open(URI.create(url));
    }

    private static String publish(ObjectStorage storage, String key, byte[] content) throws IOException {
        Path staged = storage.stage(key);
        Files.write(staged, content);
        String url = storage.publish(staged, key);
        assertFalse(Files.exists(staged), "the staged copy is removed once published");
        return url;
    }

    @Test
    void aSmallFileIsPublishedWholeUnderThePrefix() throws Exception {
        String bucket = bucket();
        try (ObjectStorage storage = open("s3://" + bucket + "/lake/stripe/")) {
            byte[] content = "hello parquet".getBytes(StandardCharsets.UTF_8);
            String url = publish(storage, "customers/dt=2025-12-14/part-1.parquet", content);
            assertEquals("s3://" + bucket + "/lake/stripe/customers/dt=2025-12-14/part-1.parquet", url);
            assertArrayEquals(content, emulator().get(bucket, "lake/stripe/customers/dt=2025-12-14/part-1.parquet"));
        }
    }

    @Test
    void aLargeFileGoesUpInPartsAndLeavesNoUploadBehind() throws Exception {
        String bucket = bucket();
        byte[] content = new byte[(int) (12 * MIB + 12345)];
        new Random(7).nextBytes(content);
        try (ObjectStorage storage = open("s3://" + bucket + "/big")) {
            assertEquals("s3://" + bucket + "/big/x/part.bin", publish(storage, "x/part.bin", content));
        }
        assertArrayEquals(content, emulator().get(bucket, "big/x/part.bin"));
        assertEquals(0, emulator().pendingUploads(bucket));
    }

    @Test
    void aDiscardedFileLeavesNothing() throws Exception {
        String bucket = bucket();
        try (ObjectStorage storage = open("s3://" + bucket + "/p/")) {
            Path staged = storage.stage("a/b.parquet");
            Files.writeString(staged, "half");
            storage.discard(staged);
            assertFalse(Files.exists(staged));
        }
        assertEquals(List.of(), emulator().keys(bucket, ""));
    }

    @Test
    void publishingOverAnExistingObjectFailsWhereTheStoreEnforcesCreateOnly() throws Exception {
        String bucket = bucket();
        try (ObjectStorage storage = open("s3://" + bucket + "/")) {
            publish(storage, "k.parquet", "first".getBytes(StandardCharsets.UTF_8));
            Path staged = storage.stage("k.parquet");
            Files.writeString(staged, "second");
            if (emulator().enforcesConditionalWrites()) {
                IOException refused = assertThrows(IOException.class, () -> storage.publish(staged, "k.parquet"));
                assertEquals("Refusing to overwrite existing object s3://" + bucket + "/k.parquet.", refused.getMessage());
                assertEquals("first", new String(emulator().get(bucket, "k.parquet"), StandardCharsets.UTF_8));
            } else {
                storage.publish(staged, "k.parquet"); // documented: only unique names protect objects on such a store
                assertEquals("second", new String(emulator().get(bucket, "k.parquet"), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theStoreEnforcesConditionalHeadersAsDocumented() {
        String bucket = bucket();
        try (S3Client client = emulator().client()) {
            client.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("one"));
            boolean createOnlyHeld = rejected(() -> client.putObject(b -> b.bucket(bucket).key("k").ifNoneMatch("*"), RequestBody.fromString("two")));
            boolean compareAndSwapHeld = rejected(() -> client.putObject(b -> b.bucket(bucket).key("k").ifMatch("\"0123\""), RequestBody.fromString("three")));
            assertEquals(emulator().enforcesConditionalWrites(), createOnlyHeld, "If-None-Match: * on PUT");
            assertEquals(emulator().enforcesConditionalWrites(), compareAndSwapHeld, "If-Match on PUT");
        }
    }

    private static boolean rejected(Runnable request) {
        try {
            request.run();
            return false;
        } catch (S3Exception e) {
            assertEquals(412, e.statusCode());
            return true;
        }
    }

    @Test
    void stateIsReadAndCompareAndSwappedOnItsETag() throws Exception {
        String bucket = bucket();
        try (ObjectStorage storage = open("s3://" + bucket + "/state/")) {
            assertEquals(Optional.empty(), storage.read("stripe.json"));
            String v1 = storage.write("stripe.json", bytes("{\"v\":1}"), Optional.empty());
            StoredObject read = storage.read("stripe.json").orElseThrow();
            assertEquals("{\"v\":1}", new String(read.bytes(), StandardCharsets.UTF_8));
            assertEquals(v1, read.version());
            String v2 = storage.write("stripe.json", bytes("{\"v\":2}"), Optional.of(v1));
            ConcurrentWriteException stale = assertThrows(ConcurrentWriteException.class,
                    () -> storage.write("stripe.json", bytes("{\"v\":3}"), Optional.of(v1)));
            assertTrue(stale.getMessage().startsWith("s3://" + bucket + "/state/stripe.json was changed by another writer"), stale.getMessage());
            assertThrows(ConcurrentWriteException.class, () -> storage.write("stripe.json", bytes("{\"v\":4}"), Optional.empty()));
            assertEquals(v2, storage.read("stripe.json").orElseThrow().version());
            assertEquals("{\"v\":2}", new String(emulator().get(bucket, "state/stripe.json"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void twoRunsRacingOnOneStateObjectNeverLoseAnUpdateSilently() throws Exception {
        String url = "s3://" + bucket() + "/state/stripe.json";
        PluginRegistry registry = new PluginRegistry(List.of(LoadedPlugin.of("test", new S3StoragePlugin())));
        ObjectMapper mapper = new ObjectMapper();
        try (SystemEnvironment env = new SystemEnvironment(emulator().environment());
                StateFile first = StateFile.at(url, () -> registry, mapper);
                StateFile second = StateFile.at(url, () -> registry, mapper);
                StateFile reader = StateFile.at(url, () -> registry, mapper)) {
            assertEquals(0, first.read().streams().size());
            assertEquals(0, second.read().streams().size());
            first.write(state(5));
            first.write(state(6)); // a run's own checkpoints follow each other
            ConnectorException lost = assertThrows(ConnectorException.class, () -> second.write(state(1)));
            assertEquals("State file " + url + " was changed by another run since this run read it, so this run's state was not saved;"
                    + " run again to continue from the other run's state.", lost.getMessage());
            assertEquals(6, reader.read().stream("customers").get("cursor").asInt());
        }
    }

    private static SyncState state(int cursor) {
        SyncState state = SyncState.empty();
        state.put("customers", JsonNodeFactory.instance.objectNode().put("cursor", cursor));
        return state;
    }

    @Test
    void aWritableBucketPassesTheCheckAndKeepsNothingFromIt() throws Exception {
        String bucket = bucket();
        try (ObjectStorage storage = open("s3://" + bucket + "/out/")) {
            storage.checkWritable();
        }
        assertEquals(List.of(), emulator().keys(bucket, ""));
        assertEquals(0, emulator().pendingUploads(bucket));
    }

    @Test
    void anUnknownBucketIsNamedInOneSentence() throws Exception {
        try (ObjectStorage storage = open("s3://no-such-bucket-here/out/")) {
            ConnectorException e = assertThrows(ConnectorException.class, storage::checkWritable);
            assertEquals("Bucket 'no-such-bucket-here' does not exist at the S3 endpoint " + emulator().endpoint()
                    + "; create it or fix the s3:// URL.", e.getMessage());
        }
    }

    @Test
    void anUnreachableEndpointIsOneSentence() throws Exception {
        Map<String, String> env = new HashMap<>(emulator().environment());
        env.put("AWS_ENDPOINT", "http://127.0.0.1:" + S3Emulator.freePort());
        try (ObjectStorage storage = new SdkStorageFactory(name -> Optional.ofNullable(env.get(name)), SMALL_PARTS).open(URI.create("s3://some-bucket/out/"))) {
            ConnectorException e = assertThrows(ConnectorException.class, storage::checkWritable);
            assertTrue(e.getMessage().startsWith("Writing to s3://some-bucket/out/ failed: cannot reach the S3 endpoint " + env.get("AWS_ENDPOINT")),
                    e.getMessage());
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
