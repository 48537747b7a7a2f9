package io.solidafy.cdk.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.runtime.server.ServerOptions;
import io.solidafy.cdk.runtime.testing.ServerRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /sync} to Parquet through the server, buffered and streamed, only inside --output-root; DuckDB reads the files back. */
class ServerParquetTest {

    @TempDir
    Path tmp;

    @Test
    void parquetOutputStaysInsideTheOutputRoot() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("out"));
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        try (ServerRun api = ServerRun.start(ServerOptions.defaults().withPaths(Optional.empty(), Optional.of(root)), plugins);
                Duck duck = new Duck()) {
            JsonNode result = api.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"count\":1000},\"format\":\"parquet\","
                    + "\"output\":\"tenant-1/items\"}").data().get("result");
            assertEquals("SUCCEEDED", result.get("status").asText(), result.toString());
            assertTrue(result.get("records").isNull());
            String file = result.at("/streams/0/output_file").asText();
            assertTrue(file.startsWith(root.resolve("tenant-1/items").toString()), file);
            assertEquals("1000", duck.single("SELECT count(*) FROM read_parquet('" + root + "/tenant-1/items/**/*.parquet')"));

            ServerRun.Reply streamed = api.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"count\":10},\"format\":\"parquet\","
                    + "\"output\":\"streamed\"}", "Accept", "application/x-ndjson");
            assertEquals(200, streamed.status());
            String[] lines = streamed.body().split("\n");
            assertTrue(lines[lines.length - 1].startsWith("{\"type\":\"SYNC_SUMMARY\""), streamed.body());
            assertTrue(!streamed.body().contains("\"type\":\"RECORD\""), "parquet records are written to files, not streamed");
            assertEquals("10", duck.single("SELECT count(*) FROM read_parquet('" + root + "/streamed/**/*.parquet')"));

            for (String outside : new String[] {"../escape", "tenant/../../escape", "/tmp/elsewhere", "file:///etc"}) {
                String error = api.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"count\":1},\"format\":\"parquet\",\"output\":\""
                        + outside + "\"}").error(400);
                assertTrue(error.contains("--output-root"), outside + ": " + error);
            }
            assertTrue(api.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"count\":1},\"format\":\"parquet\"}").error(422)
                    .startsWith("Field 'output' is required"));
            assertTrue(Files.notExists(tmp.resolve("escape")));
        }
        try (ServerRun noRoot = ServerRun.start(ServerOptions.defaults(), plugins)) {
            assertTrue(noRoot.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"count\":1},\"format\":\"parquet\",\"output\":\"x\"}")
                    .error(400).contains("--output-root"));
        }
    }
}
