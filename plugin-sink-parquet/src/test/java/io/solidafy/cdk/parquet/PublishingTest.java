package io.solidafy.cdk.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Never overwriting, nothing partial on failure, STATE only after the files it covers. */
class PublishingTest {

    @TempDir
    Path tmp;

    private CliRun read(Path out, String config, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("read", "-c", "fixture", "--config-json", config, "-f", "parquet",
                "-o", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.withPlugins(tmp.resolve("plugins"), args.toArray(String[]::new));
    }

    private static List<Path> visibleFiles(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void twoRunsOnTheSameDayKeepBothRunsData() throws Exception {
        Path out = tmp.resolve("out");
        CliRun first = read(out, "{\"count\":100}");
        CliRun second = read(out, "{\"count\":50}");
        assertEquals(0, first.exitCode(), first.stderr());
        assertEquals(0, second.exitCode(), second.stderr());
        String a = first.summaryStream(FixturePlugin.STREAM).get("output_file").asText();
        String b = second.summaryStream(FixturePlugin.STREAM).get("output_file").asText();
        assertTrue(!a.equals(b), a);
        assertEquals(Path.of(a).getParent(), Path.of(b).getParent(), "same day, same partition");
        try (Duck duck = new Duck()) {
            assertEquals("150", duck.single("SELECT count(*) FROM read_parquet('" + out + "/shop_items/*/*.parquet', union_by_name=true)"));
        }
    }

    @Test
    void aStreamFailingMidwayLeavesNoFileVisible() throws Exception {
        Path out = tmp.resolve("out");
        CliRun result = read(out, "{\"count\":5000,\"fail_after\":3000}", "--sink-option", "infer_records=10");
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode stream = result.summaryStream(FixturePlugin.STREAM);
        assertEquals("FAILED", stream.get("status").asText());
        assertTrue(stream.get("error").asText().contains("failed on purpose"), stream.toString());
        assertTrue(!stream.has("output_file"), stream.toString());
        assertEquals(List.of(), visibleFiles(out), "neither a part nor a staging file remains");
        assertEquals(0, result.ofType("STATE").stream().filter(s -> s.toString().contains("emitted")).count());
    }

    @Test
    void partsPublishedAtCheckpointsStayAndStateFollowsThem() throws Exception {
        Path out = tmp.resolve("out");
        Path stateFile = tmp.resolve("state.json");
        // checkpoint_part_size=0: every source checkpoint publishes the current part.
        CliRun result = read(out, "{\"count\":250,\"checkpoint_every\":100,\"fail_after\":220}", "--sink-option",
                "checkpoint_part_size=0", "--sink-option", "infer_records=10", "--state", stateFile.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("FAILED", result.summaryStream(FixturePlugin.STREAM).get("status").asText());
        List<Path> files = visibleFiles(out);
        assertEquals(2, files.size(), "the parts of both checkpoints stay: " + files);
        try (Duck duck = new Duck()) {
            assertEquals("200", duck.single("SELECT count(*) FROM read_parquet('" + out + "/shop_items/*/*.parquet')"));
            assertEquals("200", duck.single("SELECT max(id) FROM read_parquet('" + out + "/shop_items/*/*.parquet')"));
        }
        // STATE covering 200 records was emitted after their parts were published, and it is what the state file keeps.
        List<JsonNode> states = result.ofType("STATE");
        assertTrue(states.stream().anyMatch(s -> s.toString().contains("\"emitted\":200")), states.toString());
        assertTrue(Files.readString(stateFile).contains("\"emitted\" : 200"), Files.readString(stateFile));
    }

    @Test
    void smallPartsAreNotPublishedAtCheckpointsSoStateWaitsForTheCommit() throws Exception {
        Path out = tmp.resolve("out");
        Path stateFile = tmp.resolve("state.json");
        CliRun result = read(out, "{\"count\":300,\"checkpoint_every\":100}", "--state", stateFile.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        List<JsonNode> streamStates = result.ofType("STATE").stream().filter(s -> s.get("state").has("stream")).toList();
        assertEquals(1, streamStates.size(), "only the final stream STATE, after the commit: " + streamStates);
        assertEquals(1, result.summaryStream(FixturePlugin.STREAM).get("output_files").size());
        Path file = Path.of(result.summaryStream(FixturePlugin.STREAM).get("output_file").asText());
        assertTrue(Files.getLastModifiedTime(stateFile).compareTo(Files.getLastModifiedTime(file)) >= 0,
                "the state file is written after the part");
        assertTrue(Files.readString(stateFile).contains("\"cursor\" : 300"), Files.readString(stateFile));
    }

    @Test
    void everyPartNameIsUnique() throws Exception {
        Path out = tmp.resolve("out");
        CliRun result = read(out, "{\"count\":500,\"checkpoint_every\":50}", "--sink-option", "checkpoint_part_size=0");
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode files = result.summaryStream(FixturePlugin.STREAM).get("output_files");
        assertEquals(10, files.size());
        Set<String> names = new HashSet<>();
        files.forEach(f -> names.add(f.asText()));
        assertEquals(10, names.size());
        assertEquals(files.get(0).asText(), result.summaryStream(FixturePlugin.STREAM).get("output_file").asText());
        assertTrue(files.get(0).asText().endsWith("-00000.parquet") && files.get(9).asText().endsWith("-00009.parquet"));
    }
}
