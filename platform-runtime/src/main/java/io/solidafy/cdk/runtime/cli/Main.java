package io.solidafy.cdk.runtime.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.ops.Commands;
import io.solidafy.cdk.runtime.ops.Platform;
import io.solidafy.cdk.runtime.ops.ReadCommand;
import io.solidafy.cdk.runtime.ops.Resolution;
import io.solidafy.cdk.runtime.ops.Session;
import io.solidafy.cdk.runtime.ops.UsageException;
import io.solidafy.cdk.runtime.lifecycle.Interruption;
import io.solidafy.cdk.runtime.plugin.ConnectorIndex;
import io.solidafy.cdk.runtime.protocol.ProtocolWriter;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.LogLevel;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Properties;

/**
 * The {@code solidafy-cdk} command line.
 *
 * <p>stdout carries protocol messages only; diagnostics go to stderr. Exit codes: 0 when the
 * command completed (a sync whose streams failed still completed: see SYNC_SUMMARY), 1 on an error
 * the user can fix (one sentence on stderr), 2 on a command line that cannot be understood, 143/130
 * for a sync interrupted by SIGTERM/SIGINT (see {@link Interruption}).
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, stdout, stderr, System.getenv(), Interruption.onSignals());
        System.exit(code);
    }

    /**
     * Runs one command and returns its exit code. Everything is written to the given streams, which
     * makes the CLI testable in-process; stdout is flushed before returning.
     */
    public static int run(String[] args, OutputStream stdout, PrintStream stderr, Map<String, String> environment) {
        return run(args, stdout, stderr, environment, new Interruption());
    }

    /** Runs one command that {@code interruption} may stop (see {@link Interruption}). */
    public static int run(String[] args, OutputStream stdout, PrintStream stderr, Map<String, String> environment,
            Interruption interruption) {
        CliOptions.Parsed parsed;
        try {
            parsed = CliOptions.parse(args);
        } catch (CliOptions.Unreadable e) {
            stderr.println(e.getMessage() + " Run 'solidafy-cdk " + (e.command == null ? "" : e.command + " ") + "--help' for usage.");
            return 2;
        }
        String command = parsed.command();
        if (parsed.version()) {
            return printText(stdout, "solidafy-cdk " + version());
        }
        if (command == null) {
            if (parsed.rootHelp()) {
                return printText(stdout, CliOptions.usage(null));
            }
            stderr.println("No command given. Run 'solidafy-cdk --help' for usage.");
            return 2;
        }
        if (parsed.help() || parsed.rootHelp()) {
            return printText(stdout, CliOptions.usage(command));
        }
        boolean pretty = "read".equals(command) && "pretty".equalsIgnoreCase(parsed.format().trim());
        // Decimals in configs and states (e.g. a numeric cursor) must survive a round trip exactly.
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        // export prints YAML on stdout, so its LOG messages go to stderr
        ProtocolWriter protocol = new ProtocolWriter("export".equals(command) ? stderr : stdout, mapper, pretty);
        try {
            protocol.setMinimumLevel(Session.parseLevel(parsed.logLevel()));
            if ("serve".equals(command)) {
                interruption.disarm(); // the server drains its syncs in a shutdown hook and exits 0
                return ServeAdapter.serve(parsed, mapper, protocol, stderr, environment);
            }
            Set<String> warned = ConcurrentHashMap.newKeySet(); // a plugin may be looked at twice (index, then loader): say things once
            Platform platform = Platform.load(PluginsDir.resolve(parsed.pluginsDir(), environment), ConnectorIndex.cacheDir(environment),
                    Resolution.namesAndPaths(), message -> {
                        if (warned.add(message)) {
                            stderr.println(protocol.masker().mask("warning: " + message));
                        }
                    }, notice -> protocol.log(LogLevel.INFO, notice));
            Session session = new Session(mapper, protocol, stderr, platform, interruption);
            Commands commands = new Commands(session);
            return switch (command) {
                case "list" -> commands.list();
                case "spec" -> commands.spec(parsed.connector());
                case "validate" -> commands.validate(parsed.connector());
                case "check" -> commands.check(parsed.connectorInput());
                case "streams" -> commands.streams(parsed.connectorInput());
                case "discover" -> commands.discover(parsed.connectorInput(), parsed.sample());
                case "export" -> printText(stdout, commands.export(parsed.connector()).stripTrailing());
                default -> new ReadCommand(session, parsed.readOptions(environment)).run();
            };
        } catch (UsageException e) {
            stderr.println(protocol.masker().mask(e.getMessage()) + " Run 'solidafy-cdk " + command + " --help' for usage.");
            return 2;
        } catch (ConnectorException e) {
            stderr.println(protocol.masker().mask(e.getMessage()));
            return 1;
        } catch (RuntimeException e) {
            stderr.println(protocol.masker().mask("Internal error: " + e));
            stderr.print(protocol.masker().stackTrace(e));
            return 1;
        } finally {
            if (!protocol.broken()) {
                try {
                    protocol.flush();
                } catch (ConnectorException e) {
                    stderr.println(e.getMessage()); // stdout closed by its reader just now
                }
            }
        }
    }

    private static int printText(OutputStream stdout, String text) {
        try {
            stdout.write((text + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            stdout.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
