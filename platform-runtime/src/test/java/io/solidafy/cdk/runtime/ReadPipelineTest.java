package io.solidafy.cdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read pipeline end to end through the CLI, with the fixture connector of the test class path. */
class ReadPipelineTest {

    @TempDir
    Path tmp;

    private CliRun read(String... extra) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("no-plugins"));
        String[] base = {"read", "-c", "fixture", "--config-json", "{\"api_key\":\"good-secret-123\"}", "--plugins-dir", plugins.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.exec(args);
    }

    @Test
    void messagesFollowTheGuidesOrderAndSummaryIsLast() throws Exception {
        CliRun run = read("--streams", "ascending,descending");
        assertEquals(0, run.exitCode(), run.stderr());
        List<JsonNode> messages = run.messages();
        assertEquals("Starting sync for stream: ascending", messages.get(1).at("/log/message").asText());
        assertEquals(5, run.records("ascending").size());
        assertEquals(5, run.records("descending").size());
        JsonNode summary = run.summary();
        assertEquals("SUCCEEDED", summary.get("status").asText());
        assertEquals(10, summary.get("total_records").asInt());
        assertEquals(2, summary.get("successful_streams").asInt());
        assertEquals("json", summary.at("/output/format").asText());
        assertTrue(summary.at("/output/directory").isNull());
        assertTrue(summary.at("/output/state_file").isNull());
        JsonNode finalState = messages.get(messages.size() - 2);
        assertEquals(5, finalState.at("/state/streams/ascending/cursor").asInt());
        assertEquals("2024-01-01T05:00:00Z", finalState.at("/state/streams/descending/cursor").asText());
        // Per-stream STATE comes after that stream's records, before its completion log.
        int lastAscendingRecord = lastIndexOf(messages, m -> "ascending".equals(m.at("/record/stream").asText()));
        int ascendingState = lastIndexOf(messages, m -> "ascending".equals(m.at("/state/stream/stream_descriptor/name").asText()));
        assertTrue(ascendingState > lastAscendingRecord);
        assertTrue(run.stdout().contains("\"Completed sync for descending: 5 records in 1 pages\""));
        for (JsonNode message : messages) {
            assertEquals("type", message.fieldNames().next(), "type comes first");
        }
    }

    @Test
    void maxRecordsIsAnExactCapAndKeepsUnorderedCursors() throws Exception {
        CliRun run = read("--streams", "ascending,descending", "--max-records", "3");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(List.of(1, 2, 3), run.records("ascending").stream().map(r -> r.get("n").asInt()).toList());
        assertEquals(3, run.records("descending").size());
        JsonNode state = run.messages().get(run.messages().size() - 2).at("/state/streams");
        assertEquals(3, state.at("/ascending/cursor").asInt(), "ordered stream: cursor may advance to what was read");
        assertTrue(state.at("/descending/cursor").isMissingNode(), "unordered stream: unread older records must not be skipped");
        assertTrue(run.stdout().contains("cursor was not advanced"));
    }

    @Test
    void secondRunWithStateFileReadsOnlyNewerRecords() throws Exception {
        Path stateFile = tmp.resolve("state.json");
        CliRun first = read("--streams", "ascending", "--state", stateFile.toString());
        assertEquals(5, first.records("ascending").size());
        JsonNode saved = new ObjectMapper().readTree(stateFile.toFile());
        assertEquals(5, saved.at("/streams/ascending/cursor").asInt());
        assertEquals(stateFile.toAbsolutePath().toString(), first.summary().at("/output/state_file").asText());

        CliRun second = read("--streams", "ascending", "--state", stateFile.toString());
        assertEquals(0, second.exitCode(), second.stderr());
        assertEquals(0, second.records("ascending").size());
        assertEquals(5, new ObjectMapper().readTree(stateFile.toFile()).at("/streams/ascending/cursor").asInt());

        CliRun third = CliRun.exec("read", "-c", "fixture", "--config-json", "{\"api_key\":\"good-1\",\"records\":8}",
                "--streams", "ascending", "--state", stateFile.toString(), "--plugins-dir", tmp.resolve("no-plugins").toString());
        assertEquals(List.of(6, 7, 8), third.records("ascending").stream().map(r -> r.get("n").asInt()).toList());
    }

    @Test
    void stateOfStreamsNotSyncedIsKept() throws Exception {
        CliRun run = read("--streams", "ascending", "--state-json",
                "{\"streams\":{\"other\":{\"cursor\":\"x\"},\"decimal\":{\"cursor\":12345678901234567890.123456789},\"ascending\":{\"cursor\":4}}}");
        assertEquals(List.of(5), run.records("ascending").stream().map(r -> r.get("n").asInt()).toList());
        JsonNode finalState = run.messages().get(run.messages().size() - 2);
        assertEquals("x", finalState.at("/state/streams/other/cursor").asText());
        assertTrue(run.stdout().contains("\"decimal\":{\"cursor\":12345678901234567890.123456789}"), "decimal cursors stay exact");
        assertEquals(5, finalState.at("/state/streams/ascending/cursor").asInt());
    }

    @Test
    void failedStreamMakesThePartialSummaryWithoutLeakingTheKey() throws Exception {
        CliRun run = read("--streams", "broken,ascending");
        assertEquals(0, run.exitCode(), "a run whose streams failed still completed");
        JsonNode summary = run.summary();
        assertEquals("PARTIAL", summary.get("status").asText());
        assertEquals(1, summary.get("failed_streams").asInt());
        JsonNode broken = summary.get("streams").get(0);
        assertEquals("FAILED", broken.get("status").asText());
        assertEquals("Upstream rejected key *** with HTTP 500", broken.get("error").asText());
        assertEquals("SUCCESS", summary.get("streams").get(1).get("status").asText());
        assertFalse(run.stdout().contains("good-secret-123"), run.stdout());
        assertFalse(run.stderr().contains("good-secret-123"));
        assertTrue(run.stdout().contains("Opening fixture with key ***"));
    }

    @Test
    void allStreamsFailedIsFailed() throws Exception {
        CliRun run = read("--streams", "broken");
        assertEquals("FAILED", run.summary().get("status").asText());
        assertEquals(0, run.exitCode());
    }

    @Test
    void concurrentStreamsGiveTheSameRecords() throws Exception {
        CliRun run = read("--concurrency", "3", "--streams", "ascending,descending");
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(5, run.records("ascending").size());
        assertEquals(5, run.records("descending").size());
        assertEquals("SYNC_SUMMARY", run.last().get("type").asText());
    }

    @Test
    void prettyFormatIndentsMessages() throws Exception {
        CliRun run = read("--streams", "ascending", "--format", "pretty");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("\n  \"type\" : \"RECORD\""), run.stdout());
        assertTrue(run.stdout().contains("\"format\" : \"pretty\""));
        // every message starts at the beginning of a line with '{' and ends with '}' and a newline
        List<String> lines = run.stdout().lines().toList();
        List<JsonNode> messages = new ArrayList<>();
        new ObjectMapper().readerFor(JsonNode.class).<JsonNode>readValues(run.stdout()).forEachRemaining(messages::add);
        assertEquals(messages.size(), lines.stream().filter(l -> l.equals("{")).count(), run.stdout());
        assertEquals(messages.size(), lines.stream().filter(l -> l.equals("}")).count(), run.stdout());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith(" {")), run.stdout());
        assertEquals("SYNC_SUMMARY", messages.get(messages.size() - 1).get("type").asText());
        assertTrue(run.stdout().endsWith("}\n"));
    }

    private static int lastIndexOf(List<JsonNode> messages, java.util.function.Predicate<JsonNode> test) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (test.test(messages.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
