package io.solidafy.cdk.cloud.s3.sdk;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract against moto's server, which enforces create-only and compare-and-swap PUTs. */
class MotoStorageTest extends StorageContract {

    private static MotoEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = new MotoEmulator();
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
    }

    @Override
    S3Emulator emulator() {
        return emulator;
    }
}
