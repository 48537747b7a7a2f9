package io.solidafy.cdk.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real runtime the way the launchers do (module path, {@code --add-modules ALL-DEFAULT}, {@code -m}) in a child JVM, so
 * plugins load as module layers.
 */
class ModulePathLaunchTest {

    @TempDir
    static Path work;
    static Path plugins;

    @BeforeAll
    static void buildPlugins() throws Exception {
        plugins = TestPlugins.build(work);
    }

    @Test
    void pluginsLoadAsModuleLayersAndIsolateLibraryVersions() throws Exception {
        Result list = launch("list", "--plugins-dir", plugins.toString());
        assertEquals(0, list.code, list.stderr);
        List<String> names = list.lastMessage().get("connectors").findValuesAsText("name");
        assertTrue(names.containsAll(List.of("good", "lib-a", "lib-b")), names.toString());
        assertTrue(list.stderr.contains("Plugin 'broken.jar' (test.broken.BrokenPlugin) was skipped"), list.stderr);
        assertTrue(list.stderr.contains("Plugin 'future.jar' (test.future.FuturePlugin) was skipped: it was built for a newer"), list.stderr);

        JsonNode good = launch("read", "-c", "good", "--plugins-dir", plugins.toString()).firstRecord();
        assertTrue(good.get("in_layer").asBoolean(), "the modular plugin runs in its own module layer: " + good);
        assertEquals("from-good-plugin", good.get("value").asText());

        JsonNode a = launch("read", "-c", "lib-a", "--plugins-dir", plugins.toString()).firstRecord();
        JsonNode b = launch("read", "-c", "lib-b", "--plugins-dir", plugins.toString()).firstRecord();
        assertEquals("1.0", a.get("value").asText());
        assertEquals("2.0", b.get("value").asText());
        assertTrue(a.get("in_layer").asBoolean(), "automatic-module plugins also get a layer: " + a);
    }

    @Test
    void aPluginWhoseJarsCannotFormALayerGetsItsOwnClassLoaderWhichTheIndexRemembers() throws Exception {
        Path split = TestPlugins.buildSplit(work);
        Path cache = work.resolve("split-cache");
        Result first = launch(cache, "read", "-c", "split", "--plugins-dir", split.toString());
        assertEquals(0, first.code, first.stderr);
        assertEquals("a+b", first.firstRecord().get("value").asText());
        assertEquals("IsolatedPluginClassLoader", first.firstRecord().get("loader").asText());
        assertEquals("", first.stderr, "a plugin that loads with its own class loader is not a problem to report");

        List<Path> indexFiles;
        try (var files = Files.list(cache.resolve("connector-index"))) {
            indexFiles = files.filter(f -> f.getFileName().toString().startsWith("split-")).toList();
        }
        assertEquals(1, indexFiles.size(), indexFiles.toString());
        assertTrue(new ObjectMapper().readTree(indexFiles.get(0).toFile()).get("own_class_loader").booleanValue());

        // from the index: no layer is tried, and the plugin runs exactly as before
        Result second = launch(cache, "read", "-c", "split", "--plugins-dir", split.toString());
        assertEquals(0, second.code, second.stderr);
        assertEquals(first.firstRecord(), second.firstRecord());
        assertEquals("", second.stderr);

        // a plugin that forms a layer is indexed as such, and still gets its layer from the index
        Path good = Files.createDirectories(work.resolve("good-only"));
        Files.createDirectories(good.resolve("good"));
        try (var jars = Files.list(plugins.resolve("good"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, good.resolve("good").resolve(jar.getFileName()));
            }
        }
        assertTrue(launch(cache, "read", "-c", "good", "--plugins-dir", good.toString()).firstRecord().get("in_layer").asBoolean());
        JsonNode fromIndex = launch(cache, "read", "-c", "good", "--plugins-dir", good.toString()).firstRecord();
        assertTrue(fromIndex.get("in_layer").asBoolean(), fromIndex.toString());
    }

    private record Result(int code, String stdout, String stderr) {
        JsonNode lastMessage() throws IOException {
            List<String> lines = stdout.lines().toList();
            return new ObjectMapper().readTree(lines.get(lines.size() - 1));
        }

        JsonNode firstRecord() throws IOException {
            for (String line : stdout.lines().toList()) {
                JsonNode message = new ObjectMapper().readTree(line);
                if ("RECORD".equals(message.get("type").asText())) {
                    return message.at("/record/data");
                }
            }
            throw new AssertionError("no RECORD in " + stdout + stderr);
        }
    }

    private static Result launch(String... args) throws Exception {
        return launch(null, args);
    }

    /** @param cacheDir the launchers' cache directory (connector index), or null for none */
    private static Result launch(Path cacheDir, String... args) throws Exception {
        Path target = Path.of("target");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--add-modules", "ALL-DEFAULT",
                "-p", target.resolve("classes") + File.pathSeparator + target.resolve("lib"),
                "-m", "io.solidafy.cdk.runtime/io.solidafy.cdk.runtime.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("SOLIDAFY_CACHE_DIR");
        if (cacheDir != null) {
            builder.environment().put("SOLIDAFY_CACHE_DIR", cacheDir.toString());
        }
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the runtime did not exit");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
