package io.solidafy.cdk.runtime.plugin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.spi.Plugin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources into jars at test time, the way a third party would build a plugin. */
final class TestJars {

    private TestJars() {}

    /** The SPI and Jackson, as a plugin compiles against them. */
    static List<Path> spiPath() {
        return List.of(location(Plugin.class), location(JsonNode.class), location(JsonParser.class), location(JsonProperty.class));
    }

    /**
     * Compiles {@code sources} (relative path to content) against {@code dependencies} and writes
     * a jar with the classes and {@code resources}.
     *
     * @param modular compile with the dependencies on the module path (sources include a module-info.java)
     * @param automaticModuleName written to the manifest when not null
     */
    static Path jar(Path workDir, String name, Map<String, String> sources, Map<String, String> resources,
            List<Path> dependencies, boolean modular, String automaticModuleName) throws IOException {
        Path src = Files.createDirectories(workDir.resolve(name + "-src"));
        Path classes = Files.createDirectories(workDir.resolve(name + "-classes"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        if (!dependencies.isEmpty()) {
            args.add(modular ? "--module-path" : "-classpath");
            args.add(String.join(java.io.File.pathSeparator, dependencies.stream().map(Path::toString).toList()));
        }
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        if (javac.run(null, errors, errors, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("javac failed for " + name + ": " + errors);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (automaticModuleName != null) {
            manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), automaticModuleName);
        }
        Path jar = workDir.resolve(name + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                out.putNextEntry(new JarEntry(resource.getKey()));
                out.write(resource.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
