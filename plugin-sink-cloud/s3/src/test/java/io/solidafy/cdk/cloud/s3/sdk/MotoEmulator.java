package io.solidafy.cdk.cloud.s3.sdk;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * moto's server mode (the Python AWS emulator, {@code python3 -m moto.server}), a second
 * S3-compatible implementation: it accepts any credentials.
 */
final class MotoEmulator extends S3Emulator {

    private final Process process;
    private final int port;

    MotoEmulator() throws Exception {
        port = freePort();
        process = new ProcessBuilder(System.getenv().getOrDefault("PYTHON", "python3"), "-m", "moto.server", "-H", "127.0.0.1",
                "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(java.nio.file.Files.createTempFile("moto-", ".log").toFile())
                .start();
        awaitPort(port, 30_000, process);
    }

    @Override
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    boolean enforcesConditionalWrites() {
        return true;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
