package io.solidafy.cdk.declarative.support;

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

/** Runs the real CLI in-process and parses its protocol output. */
public final class Cli {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The outcome of one command. */
    public record Result(int exitCode, List<JsonNode> messages, String stderr) {

        public List<JsonNode> ofType(String type) {
            return messages.stream().filter(m -> m.path("type").asText().equals(type)).toList();
        }

        public List<JsonNode> records(String stream) {
            return ofType("RECORD").stream().filter(m -> m.path("record").path("stream").asText().equals(stream))
                    .map(m -> m.path("record").path("data")).toList();
        }

        public JsonNode summary() {
            List<JsonNode> summaries = ofType("SYNC_SUMMARY");
            return summaries.isEmpty() ? MAPPER.createObjectNode() : summaries.get(summaries.size() - 1).path("summary");
        }

        /** The last global STATE. */
        public JsonNode state() {
            List<JsonNode> states = ofType("STATE");
            return states.isEmpty() ? MAPPER.createObjectNode() : states.get(states.size() - 1).path("state");
        }

        public List<String> logs(String level) {
            return ofType("LOG").stream().filter(m -> m.path("log").path("level").asText().equals(level))
                    .map(m -> m.path("log").path("message").asText()).toList();
        }

        public String stdout() {
            return messages.toString();
        }
    }

    private final Path pluginsDir;

    public Cli(Path pluginsDir) {
        this.pluginsDir = pluginsDir;
    }

    public Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--plugins-dir");
        all.add(pluginsDir.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(all.toArray(String[]::new), out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        List<JsonNode> messages = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    messages.add(MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("stdout line is not JSON: " + line, e);
                }
            }
        }
        return new Result(code, messages, err.toString(StandardCharsets.UTF_8));
    }

    /** Writes a connector file. */
    public static Path yaml(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
