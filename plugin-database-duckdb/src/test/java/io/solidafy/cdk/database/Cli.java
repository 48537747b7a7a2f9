package io.solidafy.cdk.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One in-process run of the real CLI with only this module's plugin: exit code, stdout messages, stderr. */
record Cli(int exitCode, String stdout, String stderr) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Cli run(String... args) {
        Path plugins;
        try {
            plugins = Files.createTempDirectory("no-plugins");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--plugins-dir");
        all.add(plugins.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(all.toArray(String[]::new), out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<JsonNode> messages() {
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

    List<JsonNode> ofType(String type) {
        return messages().stream().filter(m -> type.equals(m.path("type").asText())).toList();
    }

    JsonNode only(String type) {
        List<JsonNode> found = ofType(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + " message, got " + found.size() + ":\n" + stdout + "\nstderr:\n" + stderr);
        }
        return found.get(0);
    }

    List<JsonNode> records(String stream) {
        return ofType("RECORD").stream().filter(m -> stream.equals(m.at("/record/stream").asText()))
                .map(m -> m.at("/record/data")).toList();
    }

    JsonNode summary() {
        return only("SYNC_SUMMARY").get("summary");
    }

    /** The final (global) STATE's stream states, {@code {"stream": {"cursor": ...}}}. */
    JsonNode finalState() {
        List<JsonNode> states = ofType("STATE");
        if (states.isEmpty()) {
            throw new AssertionError("no STATE message:\n" + stdout + "\nstderr:\n" + stderr);
        }
        return states.get(states.size() - 1).at("/state/streams");
    }

    /** Everything the user sees. */
    String all() {
        return stdout + "\n" + stderr;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
}
