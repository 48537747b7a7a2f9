package io.solidafy.cdk.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands other than list and spec load only the plugins they need, as the connector index tells:
 * the plugin of the connector, and those providing what the connector or the command looks up by
 * name. The results are those of loading every plugin, also when plugins change after the index was
 * written or when there is no usable cache directory.
 */
class OnDemandLoadingTest {

    @TempDir
    Path work;

    private CliRun indexed(Path cache, Path plugins, String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--plugins-dir", plugins.toString())).toArray(String[]::new);
        return CliRun.exec(Map.of("SOLIDAFY_CACHE_DIR", cache.toString()), all);
    }

    private static CliRun plain(Path plugins, String... args) {
        return CliRun.withPlugins(plugins, args);
    }

    private long instantiations(Path marker) throws Exception {
        return Files.exists(marker) ? Files.readAllLines(marker).size() : 0;
    }

    @Test
    void aConnectorUsingAnotherPluginsAuthTypeGetsItWhileUnrelatedPluginsStayUnloaded() throws Exception {
        Path marker = work.resolve("bystander-instantiations.txt");
        Path plugins = TestPlugins.buildOnDemand(work, marker);
        Path cache = work.resolve("cache");
        indexed(cache, plugins, "list");
        long afterIndexing = instantiations(marker);
        assertEquals(1, afterIndexing, "list indexed every plugin, instantiating each once");

        CliRun check = indexed(cache, plugins, "check", "-c", "needs-auth");
        assertEquals(0, check.exitCode(), check.stderr());
        assertEquals("needs-auth sees auth types [signed]", check.last().get("connectionStatus").get("message").asText(),
                "the auth plugin was loaded when the source asked for auth types");
        CliRun read = indexed(cache, plugins, "read", "-c", "needs-auth");
        assertEquals(0, read.exitCode(), read.stderr());
        assertEquals("signed", read.records("items").get(0).get("auth_types").asText());
        assertEquals(afterIndexing, instantiations(marker), "check and read did not load the plugin they do not need");

        CliRun withoutIndex = plain(plugins, "check", "-c", "needs-auth");
        assertEquals(check.stdout(), withoutIndex.stdout());
        assertEquals(afterIndexing + 1, instantiations(marker), "without the index every plugin is loaded");
    }

    @Test
    void aDefinitionFileIsReadByThePluginThatReadsSuchFiles() throws Exception {
        Path marker = work.resolve("bystander-instantiations.txt");
        Path plugins = TestPlugins.buildOnDemand(work, marker);
        Path cache = work.resolve("cache");
        Path definition = Files.writeString(work.resolve("mine.conn"), "my-own\n");
        indexed(cache, plugins, "list");
        long afterIndexing = instantiations(marker);

        CliRun check = indexed(cache, plugins, "check", "-c", definition.toString());
        assertEquals(0, check.exitCode(), check.stderr());
        assertEquals("my-own sees auth types [signed]", check.last().get("connectionStatus").get("message").asText());
        assertEquals(plain(plugins, "check", "-c", definition.toString()).stdout(), check.stdout());
        assertEquals(afterIndexing, instantiations(marker) - 1, "only the run without the index loaded the bystander");
    }

    @Test
    void checkAndReadSeeAPluginAddedReplacedOrRemovedAfterTheIndexWasWritten() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path cache = work.resolve("cache");
        Files.move(TestPlugins.connectorJar(work, "one", "test.one", "alpha"), plugins.resolve("one.jar"));
        assertEquals(0, indexed(cache, plugins, "check", "-c", "alpha").exitCode());

        Files.move(TestPlugins.connectorJar(work, "two", "test.two", "gamma"), plugins.resolve("two.jar"));
        CliRun added = indexed(cache, plugins, "read", "-c", "gamma");
        assertEquals(0, added.exitCode(), added.stderr());
        assertEquals("gamma", added.records("items").get(0).get("value").asText(), "a plugin dropped in after the index was written is read");

        Files.move(TestPlugins.connectorJar(work, "one-renamed", "test.onerenamed", "alpha-two"), plugins.resolve("one.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        CliRun replaced = indexed(cache, plugins, "check", "-c", "alpha-two");
        assertEquals("SUCCEEDED", replaced.last().get("connectionStatus").get("status").asText(), replaced.stderr());
        CliRun gone = indexed(cache, plugins, "check", "-c", "alpha");
        assertEquals(1, gone.exitCode());
        assertTrue(gone.stderr().contains("Unknown connector 'alpha'"), gone.stderr());

        Files.delete(plugins.resolve("two.jar"));
        CliRun removed = indexed(cache, plugins, "read", "-c", "gamma");
        assertEquals(1, removed.exitCode(), "a removed plugin's connector is not read from the index: " + removed.stdout());
        assertTrue(removed.stderr().contains("Unknown connector 'gamma'"), removed.stderr());
    }

    @Test
    void aClashIsReportedByCheckAsWithoutTheIndex() throws Exception {
        Path clashing = TestPlugins.buildClashing(work);
        Path cache = work.resolve("cache");
        indexed(cache, clashing, "list");
        for (String connector : List.of("twin", "beta")) {
            CliRun plainRead = plain(clashing, "read", "-c", connector);
            CliRun indexedRead = indexed(cache, clashing, "read", "-c", connector);
            assertEquals(plainRead.records("items"), indexedRead.records("items"), connector);
            assertEquals(plainRead.stderr(), indexedRead.stderr(), connector);
        }
        assertTrue(indexed(cache, clashing, "check", "-c", "twin").stderr().contains("Connector 'twin' is provided twice"));
    }

    @Test
    void anUnusableCacheDirectoryMeansEveryPluginIsLoadedAndNothingElseChanges() throws Exception {
        Path marker = work.resolve("bystander-instantiations.txt");
        Path plugins = TestPlugins.buildOnDemand(work, marker);
        Path cache = Files.writeString(work.resolve("file"), "in the way").resolve("cache");
        for (String[] command : new String[][] {{"list"}, {"check", "-c", "needs-auth"}, {"read", "-c", "needs-auth"}, {"spec", "-c", "bystander"}}) {
            for (int run = 0; run < 2; run++) {
                long before = instantiations(marker);
                CliRun indexed = indexed(cache, plugins, command);
                assertEquals(0, indexed.exitCode(), indexed.stderr());
                assertEquals(withoutTimes(plain(plugins, command).stdout()), withoutTimes(indexed.stdout()), String.join(" ", command));
                assertTrue(instantiations(marker) > before, "every plugin was loaded: " + String.join(" ", command));
            }
        }
    }

    @Test
    void aMissingCacheDirectoryIsCreatedByTheFirstCommand() throws Exception {
        Path marker = work.resolve("bystander-instantiations.txt");
        Path plugins = TestPlugins.buildOnDemand(work, marker);
        Path cache = work.resolve("not/yet/there");
        CliRun first = indexed(cache, plugins, "check", "-c", "needs-auth");
        assertEquals(plain(plugins, "check", "-c", "needs-auth").stdout(), first.stdout());
        assertTrue(Files.isDirectory(cache.resolve("connector-index")), "the first command indexed the plugins");
        long afterFirst = instantiations(marker);
        CliRun second = indexed(cache, plugins, "check", "-c", "needs-auth");
        assertEquals(first.stdout(), second.stdout());
        assertEquals(afterFirst, instantiations(marker), "the second command used the index");
    }

    private static String withoutTimes(String stdout) {
        return stdout.replaceAll("\"(duration_ms|emitted_at)\":\\d+", "");
    }
}
