package io.solidafy.cdk.declarative.support;

import io.solidafy.cdk.runtime.testing.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the real CLI in-process with this test's plugins directory, and writes connector files. */
public final class Cli {

    private final Path pluginsDir;

    public Cli(Path pluginsDir) {
        this.pluginsDir = pluginsDir;
    }

    public CliRun run(String... args) {
        return CliRun.withPlugins(pluginsDir, args);
    }

    /** Writes a connector file. */
    public static Path yaml(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
