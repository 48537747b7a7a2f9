package io.solidafy.cdk.parquet.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.testing.ChildCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real sync process: it stops at the next record, finishes its line, publishes what it
 * wrote, saves state up to it, ends with a CANCELLED summary and exits 143; a resume then reads
 * exactly the rest.
 */
class SigtermTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private List<String> args(String config, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("read", "-c", "fixture", "--config-json", config,
                "--plugins-dir", Files.createDirectories(tmp.resolve("plugins")).toString()));
        args.addAll(List.of(extra));
        return args;
    }

    private static List<JsonNode> messages(String stdout) throws Exception {
        List<JsonNode> messages = new ArrayList<>();
        for (String line : stdout.split("\n", -1)) {
            if (!line.isEmpty()) {
                messages.add(MAPPER.readTree(line)); // a half-written line fails here
            }
        }
        return messages;
    }

    @Test
    void sigtermDuringAJsonSyncEndsWithWholeLinesAndACancelledSummary() throws Exception {
        ChildCli run = ChildCli.start(tmp, "json", args("{\"count\":100000000,\"checkpoint_every\":1000}"));
        assertTrue(run.awaitBytes(2_000_000, 30_000), run.err());
        run.terminate();
        assertEquals(143, run.waitFor(30), run.err());
        assertEquals("SIGTERM received: the sync stops at the next record and saves its state; send it again to exit at once.",
                run.err().strip());

        String stdout = run.out();
        assertTrue(stdout.endsWith("\n"), "the last line is complete");
        List<JsonNode> messages = messages(stdout);
        JsonNode last = messages.get(messages.size() - 1);
        assertEquals("SYNC_SUMMARY", last.get("type").asText());
        assertEquals("CANCELLED", last.at("/summary/status").asText(), last.toString());
        assertEquals("CANCELLED", last.at("/summary/streams/0/status").asText(), last.toString());
        long records = messages.stream().filter(m -> m.get("type").asText().equals("RECORD")).count();
        assertTrue(records > 1000 && records < 100_000_000L, "stopped mid-stream: " + records);
        assertEquals(records, last.at("/summary/streams/0/records_synced").asLong());
        JsonNode finalState = messages.get(messages.size() - 2);
        assertEquals(records, finalState.at("/state/streams/shop.items/cursor").asLong(), "state up to the delivered records");
    }

    @Test
    void sigtermDuringAParquetSyncPublishesWhatItWroteAndResumesExactly() throws Exception {
        Path out = tmp.resolve("out");
        Path state = tmp.resolve("state.json");
        ChildCli run = ChildCli.start(tmp, "parquet", args("{\"count\":50000000,\"checkpoint_every\":10000,\"resume\":true}",
                "-f", "parquet", "-o", out.toString(), "--state", state.toString(), "--sink-option", "checkpoint_part_size=0"));
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.exists(state) && System.currentTimeMillis() < deadline && run.alive()) {
            Thread.sleep(10);
        }
        Thread.sleep(150); // mid-part: records written since the last published part
        run.terminate();
        assertEquals(143, run.waitFor(30), run.err());

        List<JsonNode> messages = messages(run.out());
        JsonNode summary = messages.get(messages.size() - 1).get("summary");
        assertEquals("CANCELLED", summary.get("status").asText(), summary.toString());
        long delivered = summary.at("/streams/0/records_synced").asLong();
        long cursor = MAPPER.readTree(state.toFile()).at("/streams/shop.items/cursor").asLong();
        assertEquals(delivered, cursor, "the state file covers exactly what was written");
        assertTrue(delivered > 0 && delivered < 50_000_000L, "stopped mid-stream: " + delivered);
        long[] ids = ParquetFiles.idStats(out);
        assertEquals(List.of(delivered, delivered, 1L, delivered), List.of(ids[0], ids[1], ids[2], ids[3]),
                "the published parts hold records 1.." + delivered + " once each");
        assertEquals(List.of(), ParquetFiles.hiddenFiles(out), "no staging file or marker is left");

        ChildCli resumed = ChildCli.start(tmp, "resumed", args("{\"count\":" + (delivered + 2500) + ",\"checkpoint_every\":10000,\"resume\":true}",
                "-f", "parquet", "-o", out.toString(), "--state", state.toString()));
        assertEquals(0, resumed.waitFor(60), resumed.err());
        long[] after = ParquetFiles.idStats(out);
        assertEquals(List.of(delivered + 2500, delivered + 2500, 1L, delivered + 2500), List.of(after[0], after[1], after[2], after[3]),
                "the resume adds exactly the rest");
    }
}
