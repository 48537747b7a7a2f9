package io.solidafy.cdk.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.config.ConfigLoader;
import io.solidafy.cdk.runtime.pipeline.StreamResult;
import io.solidafy.cdk.runtime.pipeline.SyncRequest;
import io.solidafy.cdk.runtime.pipeline.SyncRunner;
import io.solidafy.cdk.runtime.progress.ProgressSink;
import io.solidafy.cdk.runtime.state.StateFile;
import io.solidafy.cdk.runtime.state.SyncState;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.sink.Sink;
import io.solidafy.cdk.spi.sink.SinkFactory;
import io.solidafy.cdk.spi.sink.SinkRequest;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code read}: resolves everything the sync needs, runs it, and ends with SYNC_SUMMARY, also when
 * something fails on the way (status FAILED, exit code 1).
 */
final class ReadCommand {

    private static final Pattern URL_SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://.*");

    private final Session session;
    private final CliOptions.ReadCommand options;

    ReadCommand(Session session, CliOptions.ReadCommand options) {
        this.session = session;
        this.options = options;
    }

    int run() {
        long started = System.nanoTime();
        session.protocol.consequenceOfClosedOutput("so the sync stopped; state was saved only up to the records already delivered.");
        String connectorName = options.connector.connector;
        Optional<StateFile> stateFile = Optional.ofNullable(options.stateFile).map(p -> new StateFile(Path.of(p), session.mapper));
        String format = options.format.trim().toLowerCase(Locale.ROOT);
        try {
            ResolvedConnector connector = session.resolver().resolve(options.connector.connector);
            connectorName = connector.info().name();
            ObjectNode config = session.config(connector, options.connector);
            SyncState state = incomingState(stateFile);
            stateFile.ifPresent(StateFile::checkWritable);
            SinkFactory sinkFactory = sinkFactory(format);
            try (ObjectStorage storage = storage(sinkFactory);
                    Sink sink = ProgressSink.wrap(sinkFactory.open(new SinkRequest(format, Optional.ofNullable(storage), sinkOptions(),
                            Instant.now(), session.protocol::log)), options.progress.mode(System.getenv()), session.stderr, session.protocol::log);
                    Source source = session.open(connector, config)) {
                List<StreamDescriptor> streams = selectStreams(connector.info().name(), source.streams());
                SyncRequest request = new SyncRequest(connectorName, source, streams, state, stateFile,
                        options.maxRecords == null ? OptionalLong.empty() : OptionalLong.of(options.maxRecords),
                        sink, options.concurrency);
                List<StreamResult> results = new SyncRunner(session.protocol, session.stderr).run(request);
                writeSummary(connectorName, format, stateFile, results, started, null);
                return 0;
            }
        } catch (UsageException e) {
            throw e;
        } catch (ConnectorException | UncheckedIOException | IOException e) {
            return fail(connectorName, format, stateFile, started, e.getMessage());
        } catch (RuntimeException e) {
            session.stderr.print(session.masker().stackTrace(e));
            return fail(connectorName, format, stateFile, started, "Internal error: " + e);
        }
    }

    /** One sentence on stderr, a FAILED summary on stdout, exit code 1. */
    private int fail(String connector, String format, Optional<StateFile> stateFile, long started, String message) {
        session.stderr.println(session.masker().mask(message));
        if (!session.protocol.broken()) {
            writeSummary(connector, format, stateFile, List.of(), started, message);
        }
        return 1;
    }

    private SyncState incomingState(Optional<StateFile> stateFile) {
        if (options.stateJson != null) {
            return SyncState.parse(new ConfigLoader(session.mapper).parseObject(options.stateJson, "--state-json"), "--state-json");
        }
        return stateFile.map(StateFile::read).orElseGet(SyncState::empty);
    }

    private SinkFactory sinkFactory(String format) {
        if (options.maxRecords != null && options.maxRecords < 0) {
            throw new UsageException("--max-records must be 0 or more.");
        }
        if (options.concurrency < 1) {
            throw new UsageException("--concurrency must be at least 1.");
        }
        SinkFactory factory = session.registry().sink(format).orElseThrow(() -> new ConnectorException(
                "Unknown output format '" + format + "'. Available formats: " + String.join(", ", session.registry().formats()) + "."));
        if (factory.writesFiles() && options.output == null) {
            throw new ConnectorException("--format " + format + " writes files: add --output DIR (or an s3://, r2://, gs://, az:// URL).");
        }
        if (!factory.writesFiles() && options.output != null) {
            throw new ConnectorException("--format " + format + " writes to stdout and ignores --output; remove --output or use --format parquet.");
        }
        return factory;
    }

    /** The storage behind {@code --output}: a local directory, or a plugin's object store for a URL. */
    private ObjectStorage storage(SinkFactory sink) {
        if (!sink.writesFiles()) {
            return null;
        }
        String output = options.output;
        var matcher = URL_SCHEME.matcher(output);
        String scheme = matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : "file";
        StorageFactory factory = session.registry().storage(scheme).orElseThrow(() -> new ConnectorException(
                "No installed storage plugin handles " + scheme + ":// outputs; install the cloud storage plugin or write to a local directory."));
        URI location = scheme.equals("file") && !matcher.matches() ? Path.of(output).toAbsolutePath().normalize().toUri() : URI.create(output);
        return factory.open(location);
    }

    private ObjectNode sinkOptions() {
        ObjectNode node = session.mapper.createObjectNode();
        for (String option : options.sinkOptions) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--sink-option must look like key=value, not '" + option + "'.");
            }
            node.put(option.substring(0, eq).trim(), option.substring(eq + 1).trim());
        }
        return node;
    }

    private List<StreamDescriptor> selectStreams(String connector, List<StreamDescriptor> available) {
        Set<String> requested = options.streams.stream()
                .flatMap(s -> List.of(s.split(",")).stream())
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (requested.isEmpty()) {
            return available;
        }
        Map<String, StreamDescriptor> byName = available.stream().collect(Collectors.toMap(StreamDescriptor::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<StreamDescriptor> selected = new ArrayList<>();
        for (String name : requested) {
            StreamDescriptor stream = byName.get(name);
            if (stream == null) {
                throw new ConnectorException("Unknown stream '" + name + "' for connector '" + connector + "'. Available streams: "
                        + String.join(", ", byName.keySet()) + ".");
            }
            selected.add(stream);
        }
        return selected;
    }

    private void writeSummary(String connector, String format, Optional<StateFile> stateFile, List<StreamResult> results,
            long startedNanos, String fatalError) {
        long succeeded = results.stream().filter(StreamResult::succeeded).count();
        long failed = results.size() - succeeded;
        String status = fatalError != null || (failed > 0 && succeeded == 0) ? "FAILED" : failed > 0 ? "PARTIAL" : "SUCCEEDED";
        ObjectNode summary = session.mapper.createObjectNode();
        summary.put("status", status);
        summary.put("connector", connector);
        summary.put("total_records", results.stream().mapToLong(StreamResult::records).sum());
        summary.put("total_streams", results.size());
        summary.put("successful_streams", succeeded);
        summary.put("failed_streams", failed);
        summary.put("duration_ms", (System.nanoTime() - startedNanos) / 1_000_000);
        ObjectNode output = summary.putObject("output");
        output.put("format", format);
        output.put("directory", outputDirectory());
        output.put("state_file", stateFile.map(f -> f.path().toString()).orElse(null));
        ArrayNode streams = summary.putArray("streams");
        results.forEach(r -> streams.add(JsonViews.streamResult(r)));
        if (fatalError != null) {
            summary.put("error", fatalError);
        }
        session.protocol.write("SYNC_SUMMARY", "summary", summary);
    }

    private String outputDirectory() {
        if (options.output == null) {
            return null;
        }
        return URL_SCHEME.matcher(options.output).matches() ? options.output : Path.of(options.output).toAbsolutePath().normalize().toString();
    }
}
