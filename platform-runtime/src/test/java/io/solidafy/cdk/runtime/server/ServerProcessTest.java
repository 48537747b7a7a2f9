package io.solidafy.cdk.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as its own process ({@code solidafy-cdk serve}): a 1,000,000-record sync streamed
 * with a 128 MB heap, and SIGTERM during a sync (grace period, clean cancel, exit code 0).
 */
class ServerProcessTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path plugins;

    @Test
    void streamsAMillionRecordsWithA128MbHeap() throws Exception {
        Process server = start();
        try {
            URI address = address(server);
            try (BufferedReader lines = stream(address, 1_000_000)) {
                long records = 0;
                String line;
                String last = null;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("{\"type\":\"RECORD\"")) {
                        records++;
                    }
                    last = line;
                }
                assertEquals(1_000_000, records);
                JsonNode summary = MAPPER.readTree(last);
                assertEquals("SYNC_SUMMARY", summary.get("type").asText(), last);
                assertEquals("SUCCEEDED", summary.at("/summary/status").asText());
                assertEquals(1_000_000, summary.at("/summary/total_records").asLong());
            }
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void sigtermLetsTheRunningSyncEndWithItsSummaryAndExitsZero() throws Exception {
        Process server = start();
        URI address = address(server);
        try (BufferedReader lines = stream(address, 500_000_000)) {
            for (int i = 0; i < 1000; i++) {
                lines.readLine();
            }
            server.destroy(); // SIGTERM
            String line;
            String last = null;
            String lastState = null;
            while ((line = lines.readLine()) != null) {
                last = line;
                if (line.startsWith("{\"type\":\"STATE\"")) {
                    lastState = line;
                }
            }
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server did not stop");
            assertEquals(0, server.exitValue());
            JsonNode summary = MAPPER.readTree(last);
            assertEquals("SYNC_SUMMARY", summary.get("type").asText(), last);
            long delivered = summary.at("/summary/total_records").asLong();
            assertTrue(delivered > 1000 && delivered < 500_000_000, last);
            // the final state covers exactly the records delivered: the cursor is the last one sent
            assertEquals(delivered, MAPPER.readTree(lastState).at("/state/streams/ascending/cursor").asLong());
            String stderr = Files.readString(plugins.resolveSibling(plugins.getFileName() + ".stderr"));
            assertTrue(stderr.contains("Cancelling 1 running sync(s)"), stderr);
        } finally {
            server.destroyForcibly();
        }
    }

    private Process start() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                "io.solidafy.cdk.runtime.cli.Main", "serve", "--port", "0", "--plugins-dir", plugins.toString(),
                "--shutdown-grace", "1");
        // stderr to a file: destroy() closes the process' pipes
        return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(plugins.resolveSibling(plugins.getFileName() + ".stderr").toFile()).start();
    }

    /** The address from the server's one startup LOG line. */
    private static URI address(Process server) throws Exception {
        String first = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue(first != null, "the server printed nothing");
        String message = MAPPER.readTree(first).at("/log/message").asText();
        return URI.create(message.substring(message.indexOf("http://")).split(" ")[0]);
    }

    private BufferedReader stream(URI address, long records) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(address.resolve("/sync"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"connector\":\"fixture\",\"config\":{\"api_key\":\"good-key\",\"records\":"
                        + records + "},\"streams\":[\"ascending\"]}"))
                .header("Content-Type", "application/json").header("Accept", "application/x-ndjson").build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16);
    }
}
