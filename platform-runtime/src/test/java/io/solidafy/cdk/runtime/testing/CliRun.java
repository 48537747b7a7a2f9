package io.solidafy.cdk.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One in-process CLI run: exit code, protocol messages (stdout) and diagnostics (stderr). */
public record CliRun(int exitCode, String stdout, String stderr) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static CliRun of(String... args) {
        return with(Map.of(), args);
    }

    public static CliRun with(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every stdout line parsed as JSON; fails if one is not. */
    public List<JsonNode> messages() {
        List<JsonNode> messages = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                try {
                    messages.add(MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("stdout line is not JSON: " + line, e);
                }
            }
        }
        return messages;
    }

    public List<JsonNode> ofType(String type) {
        return messages().stream().filter(m -> type.equals(m.path("type").asText())).toList();
    }

    public List<JsonNode> records(String stream) {
        return ofType("RECORD").stream().filter(m -> stream.equals(m.at("/record/stream").asText())).map(m -> m.at("/record/data")).toList();
    }

    public JsonNode last() {
        List<JsonNode> all = messages();
        return all.get(all.size() - 1);
    }

    public JsonNode summary() {
        JsonNode last = last();
        if (!"SYNC_SUMMARY".equals(last.path("type").asText())) {
            throw new AssertionError("last message is not SYNC_SUMMARY: " + last);
        }
        return last.get("summary");
    }
}
