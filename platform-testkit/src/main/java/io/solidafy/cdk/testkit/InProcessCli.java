package io.solidafy.cdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real {@code solidafy-cdk} command line, run inside the test's JVM: same parsing, same plugin
 * loading, same messages and exit codes as the launcher.
 *
 * <p>Plugins come from the test class path (your plugin's own classes, the YAML engine of this kit)
 * and from a plugins directory, which is empty unless you give one: a test never picks up whatever
 * happens to lie in the checkout's {@code plugins-dir}.
 *
 * <pre>{@code
 * CommandResult run = InProcessCli.create().run("read", "-c", "sample", "--config-json", "{\"count\":3}");
 * }</pre>
 */
public final class InProcessCli {

    private final Path pluginsDir;
    private final Map<String, String> environment;

    private InProcessCli(Path pluginsDir, Map<String, String> environment) {
        this.pluginsDir = pluginsDir;
        this.environment = Map.copyOf(environment);
    }

    /** A CLI that loads the class path's plugins only (its plugins directory is an empty folder). */
    public static InProcessCli create() {
        return new InProcessCli(EmptyFolder.PATH, Map.of());
    }

    /** One empty plugins directory per JVM, made on first use; the CLI only reads it. */
    private static final class EmptyFolder {
        static final Path PATH = create();

        private static Path create() {
            try {
                Path folder = Files.createTempDirectory("solidafy-testkit-no-plugins");
                folder.toFile().deleteOnExit();
                return folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A CLI that also loads the plugin folders and jars of {@code pluginsDir}. */
    public static InProcessCli withPluginsDir(Path pluginsDir) {
        return new InProcessCli(pluginsDir, Map.of());
    }

    /** The same CLI seeing these environment variables (credentials of storages, for instance). */
    public InProcessCli environment(Map<String, String> variables) {
        return new InProcessCli(pluginsDir, variables);
    }

    /** Runs one command line (without the program name); {@code --plugins-dir} is added. */
    public CommandResult run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--plugins-dir");
        all.add(pluginsDir.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(all.toArray(String[]::new), out, errors, environment);
        }
        return new CommandResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code read} of a connector (name, alias or definition file) with a config and extra options. */
    public CommandResult read(String connector, JsonNode config, String... options) {
        List<String> args = new ArrayList<>(List.of("read", "--connector", connector, "--config-json", config.toString()));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    /** {@code check} of a connector with a config. */
    public CommandResult check(String connector, JsonNode config) {
        return run("check", "--connector", connector, "--config-json", config.toString());
    }

    /** {@code discover} of a connector with a config. */
    public CommandResult discover(String connector, JsonNode config) {
        return run("discover", "--connector", connector, "--config-json", config.toString());
    }

    /** {@code spec} of a connector. */
    public CommandResult spec(String connector) {
        return run("spec", "--connector", connector);
    }
}
