package io.solidafy.cdk.runtime.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.util.ArrayList;
import java.util.List;

/** The command line: one small class per command, shared options as delegates. */
final class CliOptions {

    private CliOptions() {}

    /** Options before any command. */
    static final class Root {
        @Parameter(names = "--version", description = "Print the version and exit")
        boolean version;

        @Parameter(names = {"--help", "-h"}, help = true, description = "Show this help")
        boolean help;
    }

    /** Options every command accepts. */
    static final class Common {
        @Parameter(names = {"--help", "-h"}, help = true, description = "Show this command's help")
        boolean help;

        @Parameter(names = "--plugins-dir", description = "Plugins directory (default: $SOLIDAFY_HOME/plugins, else ./plugins-dir)")
        String pluginsDir;

        @Parameter(names = "--log-level", description = "Lowest LOG level written: DEBUG, INFO, WARN or ERROR")
        String logLevel = "DEBUG";
    }

    /** Which connector, with which config. */
    static final class Connector {
        @Parameter(names = {"--connector", "-c"}, required = true,
                description = "Built-in connector name or alias, or the path of a connector definition file")
        String connector;

        @Parameter(names = "--config-json", description = "Connector config as a JSON object")
        String configJson;

        @Parameter(names = "--config", description = "Path of a JSON file holding the connector config")
        String configFile;
    }

    @Parameters(commandDescription = "List the available connectors with their config fields and streams")
    static final class ListCommand {
        @ParametersDelegate
        Common common = new Common();
    }

    @Parameters(commandDescription = "Show a connector's specification (config fields, streams)")
    static final class SpecCommand {
        @ParametersDelegate
        Common common = new Common();

        @Parameter(names = {"--connector", "-c"}, required = true, description = "Connector name, alias or definition file")
        String connector;
    }

    @Parameters(commandDescription = "Validate a connector definition file and report every problem")
    static final class ValidateCommand {
        @ParametersDelegate
        Common common = new Common();

        @Parameter(names = {"--connector", "-c"}, required = true, description = "Connector definition file (or name)")
        String connector;
    }

    @Parameters(commandDescription = "Print a connector's definition (YAML) to copy and change")
    static final class ExportCommand {
        @ParametersDelegate
        Common common = new Common();

        @Parameter(names = {"--connector", "-c"}, required = true, description = "Connector name, alias or definition file")
        String connector;
    }

    @Parameters(commandDescription = "Test that a config can connect")
    static final class CheckCommand {
        @ParametersDelegate
        Common common = new Common();

        @ParametersDelegate
        Connector connector = new Connector();
    }

    @Parameters(commandDescription = "List stream names (database connectors need a config)")
    static final class StreamsCommand {
        @ParametersDelegate
        Common common = new Common();

        @ParametersDelegate
        Connector connector = new Connector();
    }

    @Parameters(commandDescription = "Print the catalog: streams with JSON schemas, keys and cursors")
    static final class DiscoverCommand {
        @ParametersDelegate
        Common common = new Common();

        @ParametersDelegate
        Connector connector = new Connector();

        @Parameter(names = "--sample", description = "Records per stream to read to infer schemas (0: declared schemas only)")
        int sample;
    }

    @Parameters(commandDescription = "Sync data from streams")
    static final class ReadCommand {
        @ParametersDelegate
        Common common = new Common();

        @ParametersDelegate
        Connector connector = new Connector();

        @Parameter(names = {"--streams", "-s"}, description = "Comma-separated streams to sync (default: all)")
        List<String> streams = new ArrayList<>();

        @Parameter(names = "--state-json", description = "State from a previous run, as JSON")
        String stateJson;

        @Parameter(names = "--state", description = "State file: read at the start if it exists, written at checkpoints and at the end")
        String stateFile;

        @Parameter(names = {"--output", "-o"}, description = "Output directory or cloud URL (s3://, r2://, gs://, az://) for file formats")
        String output;

        @Parameter(names = {"--format", "-f"}, description = "Output format: json, pretty, parquet")
        String format = "json";

        @Parameter(names = "--sink-option", description = "Format option as key=value (e.g. compression=snappy); repeatable")
        List<String> sinkOptions = new ArrayList<>();

        @Parameter(names = {"--max-records", "-m"}, description = "At most this many records per stream")
        Long maxRecords;

        @Parameter(names = "--concurrency", description = "Streams read at once")
        int concurrency = 1;
    }

    @Parameters(commandDescription = "Start the HTTP server")
    static final class ServeCommand {
        @ParametersDelegate
        Common common = new Common();

        @Parameter(names = {"--port", "-p"}, description = "TCP port")
        int port = 8080;

        @Parameter(names = "--host", description = "Address to listen on")
        String host = "127.0.0.1";
    }
}
