package io.solidafy.cdk.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.solidafy.cdk.runtime.builtin.BuiltInPlugin;
import io.solidafy.cdk.runtime.plugin.LoadedPlugin;
import io.solidafy.cdk.runtime.plugin.PluginRegistry;
import io.solidafy.cdk.runtime.protocol.ProtocolWriter;
import io.solidafy.cdk.runtime.testing.CliRun;
import io.solidafy.cdk.spi.ConnectorException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local state file through the runtime's file storage: atomic, conditional, folder created. */
class StateFileTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private final PluginRegistry registry = new PluginRegistry(List.of(LoadedPlugin.of("runtime",
            new BuiltInPlugin(new ProtocolWriter(new ByteArrayOutputStream(), MAPPER, false)))));

    private StateFile at(Path path) {
        return StateFile.at(path.toString(), () -> registry, MAPPER);
    }

    private static SyncState cursor(String stream, int value) {
        SyncState state = SyncState.empty();
        state.put(stream, JsonNodeFactory.instance.objectNode().put("cursor", value));
        return state;
    }

    @Test
    void aMissingFolderIsCreatedAndTheFileRoundTrips() throws Exception {
        Path file = tmp.resolve("data/stripe/state.json");
        StateFile state = at(file);
        assertEquals(0, state.read().streams().size());
        state.checkWritable();
        assertTrue(Files.isDirectory(file.getParent()));
        state.write(cursor("customers", 7));
        state.write(cursor("customers", 8)); // a run's own successive checkpoints
        assertEquals(8, at(file).read().stream("customers").get("cursor").asInt());
        assertEquals(file.toString(), state.location());
    }

    @Test
    void theLaterOfTwoRacingRunsFailsInsteadOfOverwriting() throws Exception {
        Path file = tmp.resolve("state.json");
        at(file).write(cursor("customers", 1));
        StateFile first = at(file);
        StateFile second = at(file);
        first.read();
        second.read();
        first.write(cursor("customers", 5));
        ConnectorException lost = assertThrows(ConnectorException.class, () -> second.write(cursor("customers", 2)));
        assertEquals("State file " + file + " was changed by another run since this run read it, so this run's state was not saved;"
                + " run again to continue from the other run's state.", lost.getMessage());
        assertEquals(5, at(file).read().stream("customers").get("cursor").asInt(), "the winner's update survives");
    }

    @Test
    void aFileCreatedByAnotherRunAfterTheStartIsNotOverwritten() throws Exception {
        Path file = tmp.resolve("state.json");
        StateFile late = at(file);
        late.read(); // first run: nothing there yet
        at(file).write(cursor("customers", 9));
        assertThrows(ConnectorException.class, () -> late.write(cursor("customers", 1)));
        assertEquals(9, at(file).read().stream("customers").get("cursor").asInt());
    }

    @Test
    void stateJsonInputStillWritesConditionallyOnWhatWasThereAtTheStart() throws Exception {
        Path file = tmp.resolve("state.json");
        at(file).write(cursor("customers", 1));
        StateFile output = at(file);
        output.checkWritable(); // --state-json given: the file is only the output
        at(file).write(cursor("customers", 3));
        assertThrows(ConnectorException.class, () -> output.write(cursor("customers", 2)));
    }

    @Test
    void theCliCreatesAMissingStateFolder() throws Exception {
        Path file = tmp.resolve("new/folder/state.json");
        CliRun run = CliRun.exec("read", "-c", "fixture", "--config-json", "{\"api_key\":\"good-secret-123\"}", "--streams", "ascending",
                "--state", file.toString(), "--plugins-dir", Files.createDirectories(tmp.resolve("no-plugins")).toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(5, MAPPER.readTree(file.toFile()).at("/streams/ascending/cursor").asInt());
        assertEquals(file.toString(), run.summary().at("/output/state_file").asText());
    }

    @Test
    void anUnknownSchemeIsOneSentenceInAFailedSummary() throws Exception {
        CliRun run = CliRun.exec("read", "-c", "fixture", "--config-json", "{\"api_key\":\"good-secret-123\"}", "--streams", "ascending",
                "--state", "zz://bucket/state.json", "--plugins-dir", Files.createDirectories(tmp.resolve("no-plugins")).toString());
        assertEquals(1, run.exitCode());
        assertEquals("No installed storage plugin handles zz:// state files; install the cloud storage plugin or use a local --state file.",
                run.stderr().strip());
        assertEquals("FAILED", run.summary().get("status").asText());
        assertTrue(run.records("ascending").isEmpty(), "nothing is read before the state location is usable");
    }
}
