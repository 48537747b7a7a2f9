package io.solidafy.cdk.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin that cannot load is reported with its real cause, one line each, and the others still load. */
class PluginDiagnosisTest {

    @TempDir
    static Path work;
    static Path plugins;

    @BeforeAll
    static void buildBrokenPlugins() throws Exception {
        plugins = Files.createDirectories(work.resolve("plugins"));
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Files.write(plugins.resolve("corrupt.jar"), noise);
        Files.write(plugins.resolve("empty.jar"), new byte[0]);
        Path good = TestJars.jar(work, "good", Map.of("test/ok/OkPlugin.java",
                "package test.ok; public final class OkPlugin implements io.solidafy.cdk.spi.Plugin {}"),
                Map.of("META-INF/services/io.solidafy.cdk.spi.Plugin", "test.ok.OkPlugin\n"), TestJars.spiPath(), false, null);
        byte[] whole = Files.readAllBytes(good);
        Files.write(plugins.resolve("truncated.jar"), java.util.Arrays.copyOf(whole, whole.length / 2));

        Files.move(TestJars.jar(work, "missing-class", Map.of("test/present/Present.java", "package test.present; public class Present {}"),
                Map.of("META-INF/services/io.solidafy.cdk.spi.Plugin", "test.gone.GonePlugin\n"), List.of(), false, null),
                plugins.resolve("missing-class.jar"));

        Path library = TestJars.jar(work, "helper-lib", Map.of("test/lib/Helper.java",
                "package test.lib; public final class Helper { public static java.util.List<io.solidafy.cdk.spi.source.SourceFactory> none() { return java.util.List.of(); } }"),
                Map.of(), TestJars.spiPath(), false, null);
        List<Path> withLibrary = new ArrayList<>(TestJars.spiPath());
        withLibrary.add(library);
        Path needy = Files.createDirectories(plugins.resolve("needs-lib"));
        Files.move(TestJars.jar(work, "needs-lib", Map.of("test/needy/NeedyPlugin.java", """
                package test.needy;
                public final class NeedyPlugin implements io.solidafy.cdk.spi.Plugin {
                    private final java.util.List<io.solidafy.cdk.spi.source.SourceFactory> sources = test.lib.Helper.none();
                }"""), Map.of("META-INF/services/io.solidafy.cdk.spi.Plugin", "test.needy.NeedyPlugin\n"), withLibrary, false, null),
                needy.resolve("needs-lib.jar")); // shipped without helper-lib.jar

        Files.move(good, Files.createDirectories(plugins.resolve("ok")).resolve("ok.jar"));
    }

    @Test
    void eachBrokenPluginIsReportedWithItsCause() {
        CliRun run = CliRun.exec("list", "--plugins-dir", plugins.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> lines = run.stderr().strip().lines().toList();
        assertEquals(5, lines.size(), run.stderr());
        assertLine(lines, "Plugin 'corrupt.jar' was skipped: corrupt.jar is not a valid jar (corrupt or truncated: ");
        assertLine(lines, "Plugin 'empty.jar' was skipped: empty.jar is empty (0 bytes).");
        assertLine(lines, "Plugin 'truncated.jar' was skipped: truncated.jar is not a valid jar (corrupt or truncated: ");
        assertLine(lines, "Plugin 'missing-class.jar' was skipped: its META-INF/services/io.solidafy.cdk.spi.Plugin names class"
                + " test.gone.GonePlugin, which none of its jars contains.");
        assertLine(lines, "Plugin 'needs-lib' (test.needy.NeedyPlugin) was skipped: it needs class test.lib.Helper, which none of its"
                + " jars contains (a missing dependency jar?).");
        assertTrue(lines.stream().noneMatch(l -> l.contains("newer solidafy-cdk SPI") || l.contains("declares no")), run.stderr());
    }

    private static void assertLine(List<String> lines, String expected) {
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("warning: " + expected)), "expected '" + expected + "' in\n" + String.join("\n", lines));
    }
}
