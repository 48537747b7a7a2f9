package io.solidafy.cdk.runtime.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.runtime.cli.Main;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interruption contract in-process: a signal that arrives while records stream out stops the
 * sync at the next record, leaves only whole lines, saves state up to the delivered records and
 * ends with a CANCELLED summary and exit code 143 (SIGTERM) or 130 (SIGINT).
 */
class InterruptionTest {

    private static final String CONFIG = "{\"api_key\":\"good-secret-key\",\"records\":2000000}";

    @TempDir
    Path tmp;

    /** Runs {@code read}, delivering signal {@code number} once stdout received {@code afterBytes} bytes. */
    private CliRun readInterrupted(int number, long afterBytes, String... extra) throws Exception {
        return read(new Interruption(code -> fail("no exit at once after a first signal during a sync")), number, afterBytes, extra);
    }

    private CliRun read(Interruption interruption, int number, long afterBytes, String... extra) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                if (count >= afterBytes && !interruption.requested()) {
                    interruption.interrupt(number);
                }
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("read", "-c", "fixture", "--config-json", CONFIG,
                "--plugins-dir", Files.createDirectories(tmp.resolve("plugins")).toString()));
        args.addAll(List.of(extra));
        int code = Main.run(args.toArray(String[]::new), out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), interruption);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sigtermEndsWithCancelledSummaryAndStateOfDeliveredRecords() throws Exception {
        Path stateFile = tmp.resolve("state.json");
        CliRun run = readInterrupted(15, 200_000, "--streams", "ascending,descending", "--state", stateFile.toString());

        assertEquals(143, run.exitCode(), run.stderr());
        assertTrue(run.stdout().endsWith("\n"), "the last line is complete");
        JsonNode summary = run.summary(); // also proves every line is whole JSON
        assertEquals("CANCELLED", summary.get("status").asText());
        assertEquals(1, summary.get("total_streams").asInt(), "the stream not started yet is skipped: " + summary);
        JsonNode stream = run.summaryStream("ascending");
        assertEquals("CANCELLED", stream.get("status").asText());
        List<JsonNode> records = run.records("ascending");
        assertTrue(records.size() > 1000 && records.size() < 2_000_000, "stopped mid-stream: " + records.size());
        assertEquals(records.size(), stream.get("records_synced").asLong());
        int last = records.get(records.size() - 1).get("n").asInt();
        assertEquals(records.size(), last, "records 1..n, none skipped");
        assertEquals(last, run.state().at("/streams/ascending/cursor").asInt(), "state covers exactly the delivered records");
        assertTrue(Files.readString(stateFile).contains("\"cursor\" : " + last), Files.readString(stateFile));

        CliRun resumed = CliRun.exec("read", "-c", "fixture", "--config-json", CONFIG.replace("2000000", String.valueOf(last + 10)),
                "--streams", "ascending", "--state", stateFile.toString(), "--plugins-dir", tmp.resolve("plugins").toString());
        assertEquals("SUCCEEDED", resumed.summary().get("status").asText(), resumed.toString());
        List<JsonNode> rest = resumed.records("ascending");
        assertEquals(10, rest.size(), "the resumed run reads exactly what the cancelled one did not deliver");
        assertEquals(last + 1, rest.get(0).get("n").asInt());
    }

    @Test
    void sigintKeepsTheCursorOfAStreamNotInCursorOrder() throws Exception {
        CliRun run = readInterrupted(2, 100_000, "--streams", "descending",
                "--state-json", "{\"streams\":{\"descending\":{\"cursor\":\"2024-01-01T00:00:00Z\"}}}");

        assertEquals(130, run.exitCode(), run.stderr());
        assertEquals("CANCELLED", run.summary().get("status").asText());
        assertEquals("CANCELLED", run.summaryStream("descending").get("status").asText());
        assertEquals("2024-01-01T00:00:00Z", run.state().at("/streams/descending/cursor").asText(),
                "newest-first records: the unread older ones must be read next time");
        assertTrue(run.logs("WARN").stream().anyMatch(m -> m.contains("because the sync was cancelled")), run.logs("WARN").toString());
        assertFalse(run.all().contains("good-secret-key"));
    }

    @Test
    void concurrentStreamsAllStopAndTheSummaryIsStillLast() throws Exception {
        CliRun run = readInterrupted(15, 300_000, "--streams", "ascending,descending", "--concurrency", "2");
        assertEquals(143, run.exitCode(), run.stderr());
        assertEquals("CANCELLED", run.summary().get("status").asText());
        for (JsonNode stream : run.summary().get("streams")) {
            String name = stream.get("stream").asText();
            assertEquals("CANCELLED", stream.get("status").asText(), stream.toString());
            assertEquals(run.records(name).size(), stream.get("records_synced").asLong(), name);
        }
    }

    @Test
    void aSecondSignalExitsAtOnce() {
        List<Integer> exits = new java.util.ArrayList<>();
        Interruption interruption = new Interruption(exits::add);
        List<String> stops = new java.util.ArrayList<>();
        interruption.handleWith(() -> stops.add("stop"));
        interruption.interrupt(15);
        assertEquals(List.of("stop"), stops);
        assertEquals(List.of(), exits);
        interruption.interrupt(2);
        assertEquals(List.of(143), exits, "the second signal exits at once, with the first signal's code");
    }

    @Test
    void aSignalBeforeTheSyncStartsEndsWithASummary() throws Exception {
        List<Integer> exits = new java.util.ArrayList<>();
        Interruption interruption = new Interruption(exits::add);
        interruption.interrupt(15); // no sync yet: a command without one exits at once (recorded here)
        assertEquals(List.of(143), exits);
        CliRun run = read(interruption, 15, Long.MAX_VALUE);
        assertEquals(143, run.exitCode(), run.stderr());
        assertEquals("CANCELLED", run.summary().get("status").asText());
        assertEquals(0, run.summary().get("total_streams").asInt());
        assertTrue(run.records("ascending").isEmpty());
    }
}
