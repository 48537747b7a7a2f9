package io.solidafy.cdk.parquet;

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
final class Cli {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One run's exit code, protocol messages and stderr. */
    record Result(int exitCode, List<JsonNode> messages, String stderr) {
        JsonNode summary() {
            return messages.get(messages.size() - 1).get("summary");
        }

        JsonNode stream(String name) {
            for (JsonNode s : summary().get("streams")) {
                if (s.get("stream").asText().equals(name)) {
                    return s;
                }
            }
            throw new AssertionError("no stream " + name + " in " + summary());
        }

        List<JsonNode> ofType(String type) {
            return messages.stream().filter(m -> m.get("type").asText().equals(type)).toList();
        }
    }

    static Result run(Path pluginsDir, String... args) {
        try {
            Files.createDirectories(pluginsDir);
            List<String> all = new ArrayList<>(List.of(args));
            all.add("--plugins-dir");
            all.add(pluginsDir.toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(all.toArray(String[]::new), out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
            List<JsonNode> messages = new ArrayList<>();
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    messages.add(MAPPER.readTree(line));
                }
            }
            return new Result(code, messages, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Cli() {}
}
