package io.solidafy.cdk.cloud.azure.sdk;

import com.azure.storage.blob.BlobContainerClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real Azurite blob service (npm {@code azurite}) on a free port, in memory. The binary comes
 * from the {@code azurite.bin} system property (set by the pom to what {@code .ci/run} installs) or
 * the {@code AZURITE_BIN} variable; without it the tests fail, they never skip.
 */
final class Azurite implements AutoCloseable {

    /** Azurite's well-known development account (public, documented by Microsoft). */
    static final String ACCOUNT = "devstoreaccount1";
    static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private final Process process;
    final int port;

    private Azurite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Azurite start() throws IOException, InterruptedException {
        String bin = System.getProperty("azurite.bin", System.getenv("AZURITE_BIN"));
        if (bin == null || !Files.isExecutable(Path.of(bin))) {
            throw new IllegalStateException("Azurite is not installed at " + bin
                    + ": run `npm install --prefix .ci/node azurite@3.37.0` (as .ci/run does) or set AZURITE_BIN.");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(List.of(bin, "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port),
                "--inMemoryPersistence", "--disableTelemetry", "--silent", "--skipApiVersionCheck"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Azurite exited with code " + process.exitValue() + " at start.");
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Azurite(process, port);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Azurite did not listen on port " + port + " within 30 s.");
    }

    String endpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    /** The variables a user sets for this emulator (account, key and endpoint override). */
    Map<String, String> environment() {
        return Map.of(AzureSettings.ACCOUNT_NAME, ACCOUNT, AzureSettings.ACCOUNT_KEY, KEY, AzureSettings.ENDPOINT, endpoint());
    }

    /** A new, empty container, for the test's own use and inspection. */
    BlobContainerClient newContainer() {
        BlobContainerClient container = AzureSettings.from(environment()).containerClient("t-" + UUID.randomUUID());
        container.create();
        return container;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
