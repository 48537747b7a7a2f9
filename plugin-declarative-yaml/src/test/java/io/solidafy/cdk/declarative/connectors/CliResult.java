package io.solidafy.cdk.declarative.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * What one in-process CLI run produced: exit code, the protocol messages on stdout (one JSON
 * object per line) and stderr.
 */
record CliResult(int exitCode, String stdout, List<JsonNode> messages, String stderr) {

    /** The RECORD data of one stream, in emission order. */
    List<JsonNode> records(String stream) {
        return messages.stream()
                .filter(m -> "RECORD".equals(m.path("type").asText()))
                .map(m -> m.get("record"))
                .filter(r -> stream.equals(r.path("stream").asText()))
                .map(r -> r.get("data"))
                .toList();
    }

    /** The values of one top-level field over a stream's records, as text. */
    List<String> values(String stream, String field) {
        return records(stream).stream().map(r -> r.path(field).asText()).toList();
    }

    /** The message of the given type that came last. */
    Optional<JsonNode> last(String type) {
        JsonNode found = null;
        for (JsonNode message : messages) {
            if (type.equals(message.path("type").asText())) {
                found = message;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The final STATE body ({@code {"streams": {...}}}), which a next run takes as --state-json. */
    JsonNode finalState() {
        return messages.stream()
                .filter(m -> "STATE".equals(m.path("type").asText()) && m.path("state").has("streams"))
                .reduce((a, b) -> b)
                .map(m -> m.get("state"))
                .orElseThrow(() -> new AssertionError("no final STATE message in:\n" + stdout + "\nstderr:\n" + stderr));
    }

    /** The saved cursor of one stream in the final STATE. */
    JsonNode cursor(String stream) {
        JsonNode cursor = finalState().path("streams").path(stream).get("cursor");
        assertNotNull(cursor, "no cursor for " + stream + " in final state " + finalState());
        return cursor;
    }

    JsonNode summary() {
        return last("SYNC_SUMMARY").map(m -> m.get("summary"))
                .orElseThrow(() -> new AssertionError("no SYNC_SUMMARY in:\n" + stdout + "\nstderr:\n" + stderr));
    }

    /** The SYNC_SUMMARY entry of one stream. */
    JsonNode streamSummary(String stream) {
        for (JsonNode entry : summary().path("streams")) {
            if (stream.equals(entry.path("stream").asText())) {
                return entry;
            }
        }
        throw new AssertionError("stream " + stream + " not in summary " + summary());
    }

    /** Fails with the whole output unless the run exited 0 and every stream succeeded. */
    CliResult assertSucceeded() {
        if (exitCode != 0 || !"SUCCEEDED".equals(summary().path("status").asText())) {
            fail("run did not succeed (exit " + exitCode + "):\n" + stdout + "\nstderr:\n" + stderr);
        }
        return this;
    }

    /** Asserts a stream emitted exactly {@code count} records and the summary agrees. */
    void assertCount(String stream, int count) {
        assertEquals("SUCCESS", streamSummary(stream).path("status").asText(), () -> "stream " + stream + ": " + streamSummary(stream));
        assertEquals(count, records(stream).size(), () -> "records of " + stream);
        assertEquals(count, streamSummary(stream).path("records_synced").asInt(), () -> "records_synced of " + stream);
    }

    /** The CONNECTION_STATUS body of a check run. */
    JsonNode connectionStatus() {
        return last("CONNECTION_STATUS").map(m -> m.get("connectionStatus"))
                .orElseThrow(() -> new AssertionError("no CONNECTION_STATUS in:\n" + stdout + "\nstderr:\n" + stderr));
    }
}
