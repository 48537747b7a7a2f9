package io.solidafy.cdk.runtime.cli;

import io.solidafy.cdk.runtime.ops.ConnectorInput;
import io.solidafy.cdk.runtime.ops.ReadOptions;
import io.solidafy.cdk.runtime.ops.UsageException;
import io.solidafy.cdk.runtime.progress.ProgressOptions;
import io.solidafy.cdk.runtime.selection.StreamNames;
import io.solidafy.cdk.runtime.server.ServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The command line: each command's options (Apache Commons CLI, which reads no annotations, so
 * parsing costs nothing noticeable at start) and their values in the types the commands take.
 */
final class CliOptions {

    /** Every command with what it does, in the order the usage lists them. */
    static final Map<String, String> COMMANDS = commands();

    private static Map<String, String> commands() {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("list", "List the available connectors with their config fields and streams");
        commands.put("check", "Test that a config can connect");
        commands.put("streams", "List stream names (database connectors need a config)");
        commands.put("discover", "Print the catalog: streams with JSON schemas, keys and cursors");
        commands.put("read", "Sync data from streams");
        commands.put("validate", "Validate a connector definition file and report every problem");
        commands.put("spec", "Show a connector's specification (config fields, streams)");
        commands.put("serve", "Start the HTTP server (the REST API over the same commands)");
        commands.put("export", "Print a connector's definition (YAML) to copy and change");
        return Collections.unmodifiableMap(commands);
    }

    private CliOptions() {}

    /**
     * Reads a command line: root options ({@code --version}, {@code --help}), then a command and its
     * options. Throws {@link Unreadable} with one sentence naming what cannot be understood.
     */
    static Parsed parse(String[] args) {
        int at = 0;
        boolean version = false;
        boolean help = false;
        for (; at < args.length && args[at].startsWith("-"); at++) {
            switch (args[at]) {
                case "--version" -> version = true;
                case "--help", "-h" -> help = true;
                default -> throw new Unreadable("Unknown option '" + args[at] + "'.", null);
            }
        }
        if (at == args.length) {
            return new Parsed(null, null, version, help);
        }
        String command = args[at];
        if (!COMMANDS.containsKey(command)) {
            throw new Unreadable("Unknown command '" + command + "'; the commands are " + String.join(", ", COMMANDS.keySet()) + ".", null);
        }
        String[] rest = Arrays.copyOfRange(args, at + 1, args.length);
        CommandLine line;
        try {
            line = DefaultParser.builder().setAllowPartialMatching(false).build().parse(options(command), rest);
        } catch (MissingArgumentException e) {
            throw new Unreadable("--" + e.getOption().getLongOpt() + " needs a value.", command);
        } catch (ParseException e) {
            throw new Unreadable(sentence(e.getMessage()), command);
        }
        if (!line.getArgList().isEmpty()) {
            throw new Unreadable("Unexpected argument '" + line.getArgList().get(0) + "'; every value follows its option.", command);
        }
        return new Parsed(command, line, version, help);
    }

    /** The options of {@code command}. */
    static Options options(String command) {
        Options options = new Options()
                .addOption(flag("h", "help", "Show this command's help"))
                .addOption(valued(null, "plugins-dir", "dir", "Plugins directory (default: $SOLIDAFY_HOME/plugins, else ./plugins-dir)"))
                .addOption(valued(null, "log-level", "level", "Lowest LOG level written: DEBUG (default), INFO, WARN or ERROR"));
        switch (command) {
            case "spec", "validate", "export" -> options.addOption(valued("c", "connector", "name",
                    "Connector name, alias or definition file (required)"));
            case "check", "streams", "discover", "read" -> options
                    .addOption(valued("c", "connector", "name",
                            "Built-in connector name or alias, or the path of a connector definition file (required)"))
                    .addOption(valued(null, "config-json", "json", "Connector config as a JSON object"))
                    .addOption(valued(null, "config", "file", "Path of a JSON file holding the connector config"));
            default -> { }
        }
        if (command.equals("discover")) {
            options.addOption(valued(null, "sample", "n", "Records per stream to read to infer schemas (default 0: declared schemas only)"));
        }
        if (command.equals("read")) {
            options.addOption(valued("s", "streams", "names",
                            "Comma-separated streams to sync (default: all); write a comma inside a name as \\,; repeatable"))
                    .addOption(valued(null, "state-json", "json", "State from a previous run, as JSON"))
                    .addOption(valued(null, "state", "file", "State file: read at the start if it exists, written at checkpoints and at the end"))
                    .addOption(valued("o", "output", "dir|url", "Output directory or cloud URL (s3://, r2://, gs://, az://) for file formats"))
                    .addOption(valued("f", "format", "name", "Output format: json (default), pretty, parquet"))
                    .addOption(valued(null, "sink-option", "key=value", "Format option (e.g. compression=snappy); repeatable"))
                    .addOption(valued("m", "max-records", "n", "At most this many records per stream"))
                    .addOption(valued(null, "concurrency", "n", "Streams read at once (default 1)"))
                    .addOption(Option.builder().longOpt("progress").hasArg().optionalArg(true).argName("log|off")
                            .desc("Progress on stderr even when it is not a terminal; =log: as periodic LOG messages"
                                    + " (servers, pipelines); =off: none, also on a terminal").build());
        }
        if (command.equals("serve")) {
            options.addOption(valued("p", "port", "port", "TCP port (default 8080; 0: a free one, the bound address is printed)"))
                    .addOption(valued(null, "host", "address", "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)"))
                    .addOption(valued(null, "auth-token", "token", "Bearer token required on every route but /health (default: $SOLIDAFY_SERVER_TOKEN)"))
                    .addOption(valued(null, "cors-origin", "origins", "Origins allowed to call from a browser, comma-separated (* for any); default: CORS off"))
                    .addOption(valued(null, "connectors-dir", "dir", "Directory of connector definition files, offered by file name"))
                    .addOption(valued(null, "output-root", "dir", "The only local directory /sync may write files into; default: none (cloud URLs only)"))
                    .addOption(valued(null, "max-body-size", "bytes", "Largest request body (default " + ServerOptions.DEFAULT_MAX_BODY_BYTES + ")"))
                    .addOption(valued(null, "request-timeout", "seconds", "Seconds a /sync may run before it is cancelled (default "
                            + ServerOptions.DEFAULT_REQUEST_TIMEOUT.toSeconds() + "; 0: no limit)"))
                    .addOption(valued(null, "max-concurrent-syncs", "n", "Syncs running at once; more get 429 (default "
                            + ServerOptions.DEFAULT_MAX_CONCURRENT_SYNCS + ")"))
                    .addOption(valued(null, "max-inline-records", "n", "Records a JSON /sync response may hold; stream or write files for more (default "
                            + ServerOptions.DEFAULT_MAX_INLINE_RECORDS + ")"))
                    .addOption(flag(null, "deny-private-networks", "Refuse config hosts that resolve to loopback, link-local or private addresses"))
                    .addOption(valued(null, "shutdown-grace", "seconds", "Seconds running syncs may take to finish on SIGTERM before they are cancelled (default "
                            + ServerOptions.DEFAULT_SHUTDOWN_GRACE.toSeconds() + ")"));
        }
        return options;
    }

    /** The usage of {@code command}, or of the whole tool when it is null. */
    static String usage(String command) {
        StringBuilder out = new StringBuilder();
        if (command == null) {
            out.append("Usage: solidafy-cdk [--version] [--help] <command> [options]\n\nCommands:\n");
            COMMANDS.forEach((name, description) -> out.append(String.format("  %-10s %s%n", name, description)));
            return out.append("\nRun 'solidafy-cdk <command> --help' for a command's options.").toString();
        }
        out.append("Usage: solidafy-cdk ").append(command).append(" [options]\n").append(COMMANDS.get(command)).append("\n\nOptions:\n");
        for (Option option : options(command).getOptions()) {
            String names = (option.getOpt() != null ? "-" + option.getOpt() + ", " : "    ") + "--" + option.getLongOpt()
                    + (!option.hasArg() ? "" : option.hasOptionalArg() ? "[=" + option.getArgName() + "]" : " <" + option.getArgName() + ">");
            out.append(String.format("  %-32s %s%n", names, option.getDescription()));
        }
        return out.toString().stripTrailing();
    }

    private static Option flag(String shortName, String longName, String description) {
        return Option.builder(shortName).longOpt(longName).desc(description).build();
    }

    private static Option valued(String shortName, String longName, String valueName, String description) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName(valueName).desc(description).build();
    }

    /** Commons CLI's messages ("Unrecognized option: --x") as a sentence. */
    private static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
    }

    /** A command line that cannot be understood: one sentence, and the command it was for (or null). */
    static final class Unreadable extends RuntimeException {

        final String command;

        Unreadable(String message, String command) {
            super(message);
            this.command = command;
        }
    }

    /** A command line read: the command (null when none was given) and its option values. */
    record Parsed(String command, CommandLine line, boolean version, boolean rootHelp) {

        boolean help() {
            return line != null && line.hasOption("help");
        }

        String pluginsDir() {
            return line.getOptionValue("plugins-dir");
        }

        String logLevel() {
            return line.getOptionValue("log-level", "DEBUG");
        }

        /** {@code --connector}, which every command that names a connector requires. */
        String connector() {
            String connector = line.getOptionValue("connector");
            if (connector == null) {
                throw new UsageException("--connector (-c) is required.");
            }
            return connector;
        }

        ConnectorInput connectorInput() {
            return new ConnectorInput(connector(), Optional.ofNullable(line.getOptionValue("config-json")),
                    Optional.ofNullable(line.getOptionValue("config")));
        }

        int sample() {
            return (int) number("sample", 0, Integer.MAX_VALUE);
        }

        String format() {
            return line.getOptionValue("format", "json");
        }

        ReadOptions readOptions(Map<String, String> environment) {
            OptionalLong maxRecords = line.hasOption("max-records") ? OptionalLong.of(number("max-records", 0, Long.MAX_VALUE))
                    : OptionalLong.empty();
            List<String> progress = new ArrayList<>();
            for (Option option : line.getOptions()) {
                if ("progress".equals(option.getLongOpt())) {
                    progress.add(option.getValue() == null ? "" : option.getValue());
                }
            }
            return new ReadOptions(connectorInput(), StreamNames.parse(values("streams")), Optional.ofNullable(line.getOptionValue("state-json")),
                    Optional.ofNullable(line.getOptionValue("state")), format(), Optional.ofNullable(line.getOptionValue("output")),
                    values("sink-option"), maxRecords, (int) number("concurrency", 1, Integer.MAX_VALUE),
                    ProgressOptions.mode(progress, environment));
        }

        ServerOptions serverOptions(Map<String, String> environment) {
            List<String> origins = values("cors-origin").stream().flatMap(o -> List.of(o.split(",")).stream()).map(String::trim)
                    .filter(o -> !o.isEmpty()).toList();
            String authToken = line.getOptionValue("auth-token", environment.get("SOLIDAFY_SERVER_TOKEN"));
            try {
                return new ServerOptions(line.getOptionValue("host", "127.0.0.1"), (int) number("port", 8080, 65535),
                        Optional.ofNullable(authToken), origins, number("max-body-size", ServerOptions.DEFAULT_MAX_BODY_BYTES, Long.MAX_VALUE),
                        Duration.ofSeconds(number("request-timeout", ServerOptions.DEFAULT_REQUEST_TIMEOUT.toSeconds(), Long.MAX_VALUE)),
                        (int) number("max-concurrent-syncs", ServerOptions.DEFAULT_MAX_CONCURRENT_SYNCS, Integer.MAX_VALUE),
                        (int) number("max-inline-records", ServerOptions.DEFAULT_MAX_INLINE_RECORDS, Integer.MAX_VALUE),
                        Optional.ofNullable(line.getOptionValue("connectors-dir")).map(Path::of),
                        Optional.ofNullable(line.getOptionValue("output-root")).map(Path::of), line.hasOption("deny-private-networks"),
                        Duration.ofSeconds(number("shutdown-grace", ServerOptions.DEFAULT_SHUTDOWN_GRACE.toSeconds(), Long.MAX_VALUE)));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }

        /** Every value given to a repeatable option, in order. */
        private List<String> values(String option) {
            String[] values = line.getOptionValues(option);
            return values == null ? List.of() : List.of(values);
        }

        /** A whole-number option's value, or {@code fallback} when it is not given. */
        private long number(String option, long fallback, long max) {
            String value = line.getOptionValue(option);
            if (value == null) {
                return fallback;
            }
            try {
                long number = Long.parseLong(value.trim());
                if (number >= 0 && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            String range = max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? "of 0 or more" : "from 0 to " + max;
            throw new UsageException("--" + option + " takes a whole number " + range + ", not '" + value + "'.");
        }
    }
}
