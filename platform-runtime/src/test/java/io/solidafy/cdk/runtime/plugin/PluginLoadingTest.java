package io.solidafy.cdk.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin loading with the runtime on the class path (as in these tests): every plugin goes through
 * the isolated class loader. {@link ModulePathLaunchTest} covers module layers.
 */
class PluginLoadingTest {

    @TempDir
    static Path work;
    static Path plugins;

    @BeforeAll
    static void buildPlugins() throws Exception {
        plugins = TestPlugins.build(work);
    }

    @Test
    void goodPluginsLoadAndTheBrokenOneIsReportedByName() {
        CliRun run = CliRun.exec("list", "--plugins-dir", plugins.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> names = run.last().get("connectors").findValuesAsText("name");
        assertTrue(names.containsAll(List.of("fixture", "good", "lib-a", "lib-b")), names.toString());
        assertTrue(run.stderr().contains("Plugin 'broken.jar' (test.broken.BrokenPlugin) was skipped"), run.stderr());
        assertTrue(run.stderr().contains("boom: licence file missing"), run.stderr());
        assertTrue(run.stderr().contains("Plugin 'future.jar' (test.future.FuturePlugin) was skipped: it was built for a newer"
                + " solidafy-cdk SPI than this runtime provides"), run.stderr());
        assertEquals(2, run.stderr().strip().lines().count(), "one line per broken plugin: " + run.stderr());
        assertEquals(1, run.messages().size(), "stdout holds the CONNECTORS message only");
    }

    @Test
    void twoPluginsWithDifferentVersionsOfOneLibraryBothWork() {
        assertEquals("1.0", readOne("lib-a").get("value").asText());
        assertEquals("2.0", readOne("lib-b").get("value").asText());
        assertEquals("IsolatedPluginClassLoader", readOne("lib-a").get("loader").asText());
    }

    @Test
    void pluginWithoutServiceDeclarationIsReported() throws Exception {
        Path dir = java.nio.file.Files.createDirectories(work.resolve("no-service/plugins"));
        TestJars.jar(work, "plain", java.util.Map.of("x/Y.java", "package x; public class Y {}"), java.util.Map.of(),
                List.of(), false, null);
        java.nio.file.Files.move(work.resolve("plain.jar"), dir.resolve("plain.jar"));
        CliRun run = CliRun.exec("list", "--plugins-dir", dir.toString());
        assertEquals(0, run.exitCode());
        assertTrue(run.stderr().contains("Plugin 'plain.jar' was skipped: it declares no io.solidafy.cdk.spi.Plugin service"), run.stderr());
    }

    @Test
    void theFirstPluginLoadedWinsANameClashWhichIsReportedAndANameBeatsAnAlias() throws Exception {
        String clashing = TestPlugins.buildClashing(work).toString();
        CliRun twin = CliRun.exec("read", "-c", "twin", "--plugins-dir", clashing);
        assertEquals(0, twin.exitCode(), twin.stderr());
        assertEquals("first", twin.records("items").get(0).get("value").asText());
        assertEquals("warning: Connector 'twin' is provided twice; using the first one loaded (test.first.TwinPlugin$1),"
                + " ignoring test.second.TwinPlugin$1.", twin.stderr().strip());

        CliRun beta = CliRun.exec("read", "-c", "beta", "--plugins-dir", clashing);
        assertEquals("beta-by-name", beta.records("items").get(0).get("value").asText(), beta.stderr());

        CliRun list = CliRun.exec("list", "--plugins-dir", clashing);
        List<String> listed = new java.util.ArrayList<>();
        list.last().get("connectors").forEach(connector -> listed.add(connector.get("name").asText()));
        assertEquals(List.of("fixture", "twin", "beta"), listed);
        assertTrue(list.stderr().contains("Connector 'twin' is provided twice"), list.stderr());
    }

    private JsonNode readOne(String connector) {
        CliRun run = CliRun.exec("read", "-c", connector, "--plugins-dir", plugins.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("SUCCEEDED", run.summary().get("status").asText());
        List<JsonNode> records = run.records("items");
        assertEquals(1, records.size());
        assertFalse(records.get(0).get("in_layer").asBoolean());
        return records.get(0);
    }
}
