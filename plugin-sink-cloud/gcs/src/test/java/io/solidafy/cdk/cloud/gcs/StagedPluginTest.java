package io.solidafy.cdk.cloud.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin laid out as the build stages it (the small plugin jar, the SDK in {@code sdk/}) under
 * the real launcher's module path: {@code list} sees the plugin and loads no Google SDK class.
 */
class StagedPluginTest {

    static final Path CLASSES = Path.of("target", "classes");
    static final Path RUNTIME = Path.of("..", "..", "platform-runtime", "target");

    @TempDir
    Path work;

    @Test
    void listLoadsThePluginButNotTheSdk() throws Exception {
        Path folder = Files.createDirectories(work.resolve("plugins").resolve("plugin-storage-gcs"));
        Path sdk = Files.createDirectories(folder.resolve("sdk"));
        jar(folder.resolve("plugin-storage-gcs.jar"), p -> !p.startsWith("io/solidafy/cdk/cloud/gcs/sdk/"));
        jar(sdk.resolve("plugin-storage-gcs-sdk.jar"), p -> p.startsWith("io/solidafy/cdk/cloud/gcs/sdk/"));
        // the SDK's own jars are left out: list must not need them, and a class of theirs touched would fail the run
        assertTrue(Files.exists(sdk.resolve("plugin-storage-gcs-sdk.jar")));
        Path classLog = work.resolve("classes.log");

        Process list = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + classLog, "--add-modules", "ALL-DEFAULT",
                "-p", runtimeJar() + File.pathSeparator + RUNTIME.resolve("lib"),
                "-m", "io.solidafy.cdk.runtime/io.solidafy.cdk.runtime.cli.Main", "list", "--plugins-dir", work.resolve("plugins").toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(work.resolve("out").toFile()).redirectError(work.resolve("err").toFile()).start();
        assertTrue(list.waitFor(2, TimeUnit.MINUTES));

        String stderr = Files.readString(work.resolve("err"));
        assertEquals(0, list.exitValue(), stderr);
        assertFalse(stderr.contains("plugin-storage-gcs"), "the plugin loaded without a warning: " + stderr);
        List<String> loaded = Files.readAllLines(classLog, StandardCharsets.UTF_8);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" io.solidafy.cdk.cloud.gcs.GcsStoragePlugin ")), "the plugin itself is loaded");
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains(" com.google.")
                || l.contains(" io.solidafy.cdk.cloud.gcs.sdk.")).toList(), "no SDK class is loaded by list");
    }

    private static Path runtimeJar() throws IOException {
        try (Stream<Path> files = Files.list(RUNTIME)) {
            return files.filter(p -> p.getFileName().toString().matches("platform-runtime-[^-]+\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("platform-runtime is not packaged in " + RUNTIME.toAbsolutePath()));
        }
    }

    /** A jar of this module's compiled classes and resources whose paths pass {@code include}. */
    private static void jar(Path jar, Predicate<String> include) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(CLASSES)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Path file : files) {
                String name = CLASSES.relativize(file).toString().replace(File.separatorChar, '/');
                if (include.test(name)) {
                    zip.putNextEntry(new JarEntry(name));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
        }
    }
}
