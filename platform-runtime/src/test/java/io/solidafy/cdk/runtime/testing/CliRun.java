package io.solidafy.cdk.runtime.testing;

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

/**
 * One in-process run of the real CLI: exit code, stdout (protocol messages) and stderr. Shared with
 * the plugin modules' tests through this module's test jar.
 */
public record CliRun(int exitCode, String stdout, String stderr) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Runs exactly these arguments. */
    public static CliRun exec(String... args) {
        return exec(Map.of(), args);
    }

    /** Runs exactly these arguments with these environment variables. */
    public static CliRun exec(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs with {@code --plugins-dir pluginsDir} appended (the folder is created if needed). */
    public static CliRun withPlugins(Path pluginsDir, String... args) {
        try {
            Files.createDirectories(pluginsDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--plugins-dir");
        all.add(pluginsDir.toString());
        return exec(all.toArray(String[]::new));
    }

    /** Runs with an empty plugins directory: only the plugins on the test class path are loaded. */
    public static CliRun classPathOnly(String... args) {
        try {
            return withPlugins(Files.createTempDirectory("no-plugins"), args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every stdout line parsed as JSON; fails if one is not. */
    public List<JsonNode> messages() {
        List<JsonNode> messages = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                try {
                    messages.add(MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("stdout line is not JSON: " + line, e);
                }
            }
        }
        return messages;
    }

    public List<JsonNode> ofType(String type) {
        return messages().stream().filter(m -> type.equals(m.path("type").asText())).toList();
    }

    /** The only message of this type; fails when there is none or several. */
    public JsonNode only(String type) {
        List<JsonNode> found = ofType(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + " message, got " + found.size() + ":\n" + this);
        }
        return found.get(0);
    }

    /** The data of every RECORD of a stream, in order. */
    public List<JsonNode> records(String stream) {
        return ofType("RECORD").stream().filter(m -> stream.equals(m.at("/record/stream").asText())).map(m -> m.at("/record/data")).toList();
    }

    public JsonNode last() {
        List<JsonNode> all = messages();
        if (all.isEmpty()) {
            throw new AssertionError("no message on stdout:\n" + this);
        }
        return all.get(all.size() - 1);
    }

    /** The SYNC_SUMMARY's {@code summary}; fails unless it is the last message, as the guide promises. */
    public JsonNode summary() {
        JsonNode last = last();
        if (!"SYNC_SUMMARY".equals(last.path("type").asText())) {
            throw new AssertionError("the last message is not SYNC_SUMMARY:\n" + this);
        }
        return last.get("summary");
    }

    /** One stream's entry of the summary. */
    public JsonNode summaryStream(String name) {
        for (JsonNode stream : summary().get("streams")) {
            if (name.equals(stream.get("stream").asText())) {
                return stream;
            }
        }
        throw new AssertionError("no stream " + name + " in " + summary());
    }

    /** The {@code state} of the last STATE message (the final one after a read: {@code {"streams": {...}}}). */
    public JsonNode state() {
        List<JsonNode> states = ofType("STATE");
        if (states.isEmpty()) {
            throw new AssertionError("no STATE message:\n" + this);
        }
        return states.get(states.size() - 1).get("state");
    }

    /** The messages of the LOG messages of one level. */
    public List<String> logs(String level) {
        return ofType("LOG").stream().filter(m -> level.equals(m.at("/log/level").asText())).map(m -> m.at("/log/message").asText()).toList();
    }

    /** Everything the user sees. */
    public String all() {
        return stdout + "\n" + stderr;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
}
