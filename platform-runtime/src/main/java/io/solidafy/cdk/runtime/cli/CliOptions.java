package io.solidafy.cdk.runtime.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.solidafy.cdk.runtime.ops.ConnectorInput;
import io.solidafy.cdk.runtime.ops.ReadOptions;
import io.solidafy.cdk.runtime.ops.UsageException;
import io.solidafy.cdk.runtime.server.ServerOptions;
import io.solidafy.cdk.runtime.progress.ProgressOptions;
import java.util.ArrayList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

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

        ConnectorInput input() {
            return new ConnectorInput(connector, Optional.ofNullable(configJson), Optional.ofNullable(configFile));
        }
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

        @Parameter(names = {"--streams", "-s"}, splitter = io.solidafy.cdk.runtime.selection.WholeValue.class,
                description = "Comma-separated streams to sync (default: all); write a comma inside a name as \\,")
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

        @ParametersDelegate
        ProgressOptions progress = new ProgressOptions();

        ReadOptions options(Map<String, String> environment) {
            return new ReadOptions(connector.input(), io.solidafy.cdk.runtime.selection.StreamNames.parse(streams), Optional.ofNullable(stateJson), Optional.ofNullable(stateFile), format,
                    Optional.ofNullable(output), sinkOptions, maxRecords == null ? OptionalLong.empty() : OptionalLong.of(maxRecords),
                    concurrency, progress.mode(environment));
        }
    }

    @Parameters(commandDescription = "Start the HTTP server (the REST API over the same commands)")
    static final class ServeCommand {
        @ParametersDelegate
        Common common = new Common();

        @Parameter(names = {"--port", "-p"}, description = "TCP port (0: a free one; the bound address is printed)")
        int port = 8080;

        @Parameter(names = "--host", description = "Address to listen on (0.0.0.0 for every interface)")
        String host = "127.0.0.1";

        @Parameter(names = "--auth-token", description = "Bearer token required on every route but /health (default: $SOLIDAFY_SERVER_TOKEN)")
        String authToken;

        @Parameter(names = "--cors-origin", description = "Origins allowed to call from a browser, comma-separated (* for any); default: CORS off")
        List<String> corsOrigins = new ArrayList<>();

        @Parameter(names = "--connectors-dir", description = "Directory of connector definition files, offered by file name")
        String connectorsDir;

        @Parameter(names = "--output-root", description = "The only local directory /sync may write files into; default: none (cloud URLs only)")
        String outputRoot;

        @Parameter(names = "--max-body-size", description = "Largest request body, in bytes")
        long maxBodyBytes = ServerOptions.DEFAULT_MAX_BODY_BYTES;

        @Parameter(names = "--request-timeout", description = "Seconds a /sync may run before it is cancelled (0: no limit)")
        long requestTimeoutSeconds = ServerOptions.DEFAULT_REQUEST_TIMEOUT.toSeconds();

        @Parameter(names = "--max-concurrent-syncs", description = "Syncs running at once; more get 429")
        int maxConcurrentSyncs = ServerOptions.DEFAULT_MAX_CONCURRENT_SYNCS;

        @Parameter(names = "--max-inline-records", description = "Records a JSON /sync response may hold; stream or write files for more")
        int maxInlineRecords = ServerOptions.DEFAULT_MAX_INLINE_RECORDS;

        @Parameter(names = "--deny-private-networks", description = "Refuse config hosts that resolve to loopback, link-local or private addresses")
        boolean denyPrivateNetworks;

        @Parameter(names = "--shutdown-grace", description = "Seconds running syncs may take to finish on SIGTERM before they are cancelled")
        long shutdownGraceSeconds = ServerOptions.DEFAULT_SHUTDOWN_GRACE.toSeconds();

        ServerOptions options(Map<String, String> environment) {
            List<String> origins = corsOrigins.stream().flatMap(o -> List.of(o.split(",")).stream()).map(String::trim)
                    .filter(o -> !o.isEmpty()).toList();
            try {
                return new ServerOptions(host, port, Optional.ofNullable(authToken != null ? authToken : environment.get("SOLIDAFY_SERVER_TOKEN")),
                        origins, maxBodyBytes, Duration.ofSeconds(requestTimeoutSeconds), maxConcurrentSyncs, maxInlineRecords,
                        Optional.ofNullable(connectorsDir).map(Path::of), Optional.ofNullable(outputRoot).map(Path::of), denyPrivateNetworks,
                        Duration.ofSeconds(shutdownGraceSeconds));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }
}
