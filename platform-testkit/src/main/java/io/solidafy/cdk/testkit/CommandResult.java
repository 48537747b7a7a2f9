package io.solidafy.cdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one command printed: its exit code, the protocol messages on stdout and the diagnostics on
 * stderr. The accessors fail with the whole output in their message, so a failing test shows what
 * the CLI said.
 */
public record CommandResult(int exitCode, String stdout, String stderr) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Every stdout line parsed as JSON; fails when a line is not JSON (stdout is for messages only). */
    public List<JsonNode> messages() {
        List<JsonNode> messages = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                try {
                    messages.add(MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("stdout line is not a JSON message: " + line + "\n" + this, e);
                }
            }
        }
        return List.copyOf(messages);
    }

    /** The messages of one {@code type} (RECORD, STATE, LOG, ...), in order. */
    public List<JsonNode> ofType(String type) {
        return messages().stream().filter(m -> type.equals(m.path("type").asText())).toList();
    }

    /** The only message of this type; fails when there is none or several. */
    public JsonNode only(String type) {
        List<JsonNode> found = ofType(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + " message, got " + found.size() + "\n" + this);
        }
        return found.get(0);
    }

    /** The data of every RECORD of one stream, in order. */
    public List<ObjectNode> records(String stream) {
        return ofType("RECORD").stream()
                .filter(m -> stream.equals(m.at("/record/stream").asText()))
                .map(m -> (ObjectNode) m.at("/record/data"))
                .toList();
    }

    /** The last message; fails when stdout is empty. */
    public JsonNode last() {
        List<JsonNode> all = messages();
        if (all.isEmpty()) {
            throw new AssertionError("no message on stdout\n" + this);
        }
        return all.get(all.size() - 1);
    }

    /** The SYNC_SUMMARY's {@code summary}; fails unless SYNC_SUMMARY is the last message. */
    public JsonNode summary() {
        JsonNode last = last();
        if (!"SYNC_SUMMARY".equals(last.path("type").asText())) {
            throw new AssertionError("the last message is not SYNC_SUMMARY\n" + this);
        }
        return last.get("summary");
    }

    /** Fails unless the command exited 0 and, for {@code read}, the summary says SUCCEEDED. */
    public CommandResult assertSucceeded() {
        if (exitCode != 0) {
            throw new AssertionError("exit code " + exitCode + "\n" + this);
        }
        boolean read = messages().stream().anyMatch(m -> "SYNC_SUMMARY".equals(m.path("type").asText()));
        if (read && !"SUCCEEDED".equals(summary().path("status").asText())) {
            throw new AssertionError("the sync did not succeed\n" + this);
        }
        return this;
    }

    /** The final STATE's {@code state} ({@code {"streams": {...}}}), to pass to the next run. */
    public ObjectNode finalState() {
        List<JsonNode> states = ofType("STATE");
        if (states.isEmpty()) {
            throw new AssertionError("no STATE message\n" + this);
        }
        return (ObjectNode) states.get(states.size() - 1).get("state");
    }

    /** The cursor the final STATE saved for a stream. */
    public Optional<JsonNode> cursor(String stream) {
        JsonNode cursor = finalState().path("streams").path(stream).path("cursor");
        return cursor.isMissingNode() || cursor.isNull() ? Optional.empty() : Optional.of(cursor);
    }

    /** The texts of the LOG messages of one level. */
    public List<String> logs(String level) {
        return ofType("LOG").stream()
                .filter(m -> level.equals(m.at("/log/level").asText()))
                .map(m -> m.at("/log/message").asText())
                .toList();
    }

    /** stdout and stderr together: everything a user sees. */
    public String everything() {
        return stdout + "\n" + stderr;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
