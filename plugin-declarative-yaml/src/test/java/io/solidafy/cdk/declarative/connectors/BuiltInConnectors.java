package io.solidafy.cdk.declarative.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The built-in connector files as the plugin bundles them (the resource connectors/index.txt). */
final class BuiltInConnectors {

    private BuiltInConnectors() {}

    /** File names listed in connectors/index.txt, in order. */
    static List<String> files() {
        return resource("index.txt").lines().map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#"))
                .map(line -> line.split("\\s+")[0]).toList();
    }

    /** Connector names: the file names without {@code .yaml}. */
    static List<String> names() {
        return files().stream().map(f -> f.substring(0, f.length() - ".yaml".length())).toList();
    }

    /** The text of a resource under connectors/. */
    static String resource(String name) {
        try (InputStream in = BuiltInConnectors.class.getResourceAsStream("/connectors/" + name)) {
            if (in == null) {
                throw new IllegalStateException("resource connectors/" + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
