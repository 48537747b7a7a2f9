package io.solidafy.cdk.cloud.s3.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The storage contract against S3Proxy, which checks signatures but ignores conditional headers. */
class S3ProxyStorageTest extends StorageContract {

    private static S3ProxyEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = new S3ProxyEmulator();
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
    }

    @Override
    S3Emulator emulator() {
        return emulator;
    }

    @Test
    void aWrongSecretIsNamed() throws Exception {
        Map<String, String> env = new HashMap<>(emulator.environment());
        env.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");
        String bucket = emulator.createBucket("wrong-secret");
        try (ObjectStorage storage = new SdkStorageFactory(name -> Optional.ofNullable(env.get(name)), SMALL_PARTS)
                .open(URI.create("s3://" + bucket + "/"))) {
            ConnectorException e = assertThrows(ConnectorException.class, storage::checkWritable);
            assertEquals("The S3 endpoint " + emulator.endpoint() + " rejected the request signature; check AWS_SECRET_ACCESS_KEY.", e.getMessage());
            assertEquals(-1, e.getMessage().indexOf("not-the-secret"));
        }
    }

    @Test
    void anUnknownAccessKeyIsNamed() throws Exception {
        Map<String, String> env = new HashMap<>(emulator.environment());
        env.put("AWS_ACCESS_KEY_ID", "AKIDUNKNOWN");
        try (ObjectStorage storage = new SdkStorageFactory(name -> Optional.ofNullable(env.get(name)), SMALL_PARTS)
                .open(URI.create("s3://any/"))) {
            ConnectorException e = assertThrows(ConnectorException.class, storage::checkWritable);
            assertEquals("The S3 endpoint " + emulator.endpoint() + " does not know the access key in AWS_ACCESS_KEY_ID; check AWS_ACCESS_KEY_ID.",
                    e.getMessage());
        }
    }
}
