package io.solidafy.cdk.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector index behind fast {@code list} and {@code spec} (and the plugins other commands
 * load): the same output with and without it, and never stale when plugins are added, replaced or
 * removed after it was written.
 */
class ConnectorIndexTest {

    @TempDir
    Path work;

    private CliRun indexed(Path cache, String... args) {
        return CliRun.exec(Map.of("SOLIDAFY_CACHE_DIR", cache.toString()), args);
    }

    private static List<String> names(CliRun list) {
        List<String> names = new java.util.ArrayList<>();
        list.last().get("connectors").forEach(connector -> names.add(connector.get("name").asText()));
        return names;
    }

    @Test
    void listSpecAndCheckAreIdenticalWithoutTheIndexWhileWritingItAndWhenReadingIt() throws Exception {
        Path plugins = TestPlugins.build(work);
        Path cache = work.resolve("cache");
        for (String[] command : new String[][] {{"list"}, {"spec", "-c", "good"}, {"spec", "-c", "lib-b"}, {"spec", "-c", "nope"},
                {"check", "-c", "good"}, {"check", "-c", "lib-a"}, {"check", "-c", "nope"}}) {
            String[] args = Stream.concat(Stream.of(command), Stream.of("--plugins-dir", plugins.toString())).toArray(String[]::new);
            CliRun plain = CliRun.exec(args);
            CliRun writing = indexed(cache, args);
            CliRun reading = indexed(cache, args);
            for (CliRun run : List.of(writing, reading)) {
                assertEquals(plain.exitCode(), run.exitCode(), String.join(" ", command));
                assertEquals(plain.stdout(), run.stdout(), String.join(" ", command));
                assertEquals(plain.stderr(), run.stderr(), "the broken plugins are reported every time: " + String.join(" ", command));
            }
        }
        assertTrue(plainList(plugins).stderr().contains("Plugin 'broken.jar'"), "the fixture has broken plugins");
        try (Stream<Path> files = Files.list(cache.resolve("connector-index"))) {
            List<String> indexFiles = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(3, indexFiles.size(), "good, versioned-a and versioned-b are indexed; broken plugins never: " + indexFiles);
            assertTrue(indexFiles.stream().noneMatch(f -> f.startsWith("broken") || f.startsWith("future")), indexFiles.toString());
        }
    }

    @Test
    void writingAnIndexRemovesOldFilesNoCommandCanUseAndKeepsTheRest() throws Exception {
        Path plugins = TestPlugins.build(work);
        Path folder = Files.createDirectories(work.resolve("cache/connector-index"));
        FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
        Path gone = indexFileOf(folder, "gone-1a2b.json", work.resolve("deleted-checkout/plugins-dir/gone"), twoDaysAgo);
        Path justGone = indexFileOf(folder, "just-gone-3c4d.json", work.resolve("rebuilding/plugins-dir/x"), null);
        Path oldButLive = indexFileOf(folder, "live-5e6f.json", plugins, twoDaysAgo);
        Path deadWriter = Files.writeString(folder.resolve(".index123.tmp"), "{\"plugin\":");
        Path unreadable = Files.writeString(folder.resolve("garbage-7a8b.json"), "not json");
        Files.setLastModifiedTime(deadWriter, twoDaysAgo);
        Files.setLastModifiedTime(unreadable, twoDaysAgo);

        CliRun list = indexed(work.resolve("cache"), "list", "--plugins-dir", plugins.toString());

        assertEquals(names(plainList(plugins)), names(list));
        assertFalse(Files.exists(gone), "the index of a plugin gone for two days is deleted");
        assertFalse(Files.exists(deadWriter), "a dead writer's temporary file is deleted");
        assertFalse(Files.exists(unreadable), "an unreadable index file is deleted");
        assertTrue(Files.exists(justGone), "a plugin missing for less than a day may be being rebuilt: its index stays");
        assertTrue(Files.exists(oldButLive), "the index of an existing plugin stays however old");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(5, files.count(), "the three plugins' new index files beside the two kept");
        }
    }

    private static Path indexFileOf(Path folder, String name, Path plugin, FileTime modified) throws Exception {
        Path file = Files.writeString(folder.resolve(name), "{\"plugin\":\"" + plugin.toAbsolutePath().normalize() + "\",\"connectors\":[]}");
        if (modified != null) {
            Files.setLastModifiedTime(file, modified);
        }
        return file;
    }

    private static CliRun plainList(Path plugins) {
        return CliRun.exec("list", "--plugins-dir", plugins.toString());
    }

    @Test
    void aClashIsReportedAlsoFromTheIndexAndANameStillBeatsAnAlias() throws Exception {
        Path clashing = TestPlugins.buildClashing(work);
        Path cache = work.resolve("cache");
        for (String[] command : new String[][] {{"list"}, {"spec", "-c", "twin"}, {"spec", "-c", "beta"}}) {
            String[] args = Stream.concat(Stream.of(command), Stream.of("--plugins-dir", clashing.toString())).toArray(String[]::new);
            CliRun plain = CliRun.exec(args);
            indexed(cache, args);
            CliRun reading = indexed(cache, args);
            assertEquals(plain.stdout(), reading.stdout(), String.join(" ", command));
            assertEquals(plain.stderr(), reading.stderr(), String.join(" ", command));
        }
        CliRun beta = indexed(cache, "spec", "-c", "beta", "--plugins-dir", clashing.toString());
        assertEquals("beta", beta.last().get("spec").get("name").asText(), "the connector named beta, not twin's alias");
    }

    @Test
    void aPluginAddedReplacedOrRemovedAfterTheIndexWasWrittenIsSeen() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path cache = work.resolve("cache");
        Files.move(TestPlugins.connectorJar(work, "one", "test.one", "alpha"), plugins.resolve("one.jar"));
        assertEquals(List.of("fixture", "alpha"), names(indexed(cache, "list", "--plugins-dir", plugins.toString())));

        Files.move(TestPlugins.connectorJar(work, "two", "test.two", "gamma"), plugins.resolve("two.jar"));
        assertEquals(List.of("fixture", "alpha", "gamma"), names(indexed(cache, "list", "--plugins-dir", plugins.toString())),
                "a plugin dropped in after the index was written is listed");

        // the same file name with other contents and an older time stamp: the size gives it away
        FileTime before = Files.getLastModifiedTime(plugins.resolve("one.jar"));
        Files.move(TestPlugins.connectorJar(work, "one-renamed", "test.onerenamed", "alpha-two"), plugins.resolve("one.jar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(plugins.resolve("one.jar"), before);
        CliRun replaced = indexed(cache, "list", "--plugins-dir", plugins.toString());
        assertEquals(List.of("fixture", "alpha-two", "gamma"), names(replaced), "a replaced plugin is described anew");
        CliRun spec = indexed(cache, "spec", "-c", "alpha", "--plugins-dir", plugins.toString());
        assertEquals(1, spec.exitCode(), "the old connector is gone: " + spec.stdout());

        Files.delete(plugins.resolve("two.jar"));
        List<String> afterRemoval = names(indexed(cache, "list", "--plugins-dir", plugins.toString()));
        assertEquals(List.of("fixture", "alpha-two"), afterRemoval);
        assertFalse(afterRemoval.contains("gamma"), "a removed plugin is not listed from the index");
    }

    @Test
    void aCorruptIndexFileOnlyCostsSpeed() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path cache = work.resolve("cache");
        Files.move(TestPlugins.connectorJar(work, "one", "test.one", "alpha"), plugins.resolve("one.jar"));
        String expected = plainList(plugins).stdout();
        indexed(cache, "list", "--plugins-dir", plugins.toString());
        try (Stream<Path> files = Files.list(cache.resolve("connector-index"))) {
            for (Path file : files.toList()) {
                Files.writeString(file, "{\"fingerprint\": 42, \"connectors\": [");
            }
        }
        CliRun run = indexed(cache, "list", "--plugins-dir", plugins.toString());
        assertEquals(expected, run.stdout());
        assertEquals("", run.stderr());
    }
}
