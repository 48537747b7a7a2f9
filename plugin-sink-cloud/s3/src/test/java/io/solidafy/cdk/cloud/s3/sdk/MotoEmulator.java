package io.solidafy.cdk.cloud.s3.sdk;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path log = Files.createTempFile("moto-", ".log");
        String python = System.getenv().getOrDefault("PYTHON", "python3");
        process = new ProcessBuilder(python, "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            awaitPort(port, 30_000, process);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("moto's server did not start with " + python + " (install it with pip install 'moto[server]'"
                    + " or point PYTHON to a Python that has it): " + Files.readString(log).strip(), e);
        }
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
