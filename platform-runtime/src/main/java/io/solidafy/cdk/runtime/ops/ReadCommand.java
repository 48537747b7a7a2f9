package io.solidafy.cdk.runtime.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.config.ConfigLoader;
import io.solidafy.cdk.runtime.lifecycle.Preflight;
import io.solidafy.cdk.runtime.pipeline.StreamResult;
import io.solidafy.cdk.runtime.selection.StreamNames;
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
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code read} and {@code POST /sync}: resolves everything the sync needs, runs it, and ends with
 * SYNC_SUMMARY, also when something fails on the way (status FAILED, exit code 1).
 */
public final class ReadCommand {

    private static final Pattern URL_SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://.*");

    private final Session session;
    private final ReadOptions options;
    private ObjectNode summary;

    public ReadCommand(Session session, ReadOptions options) {
        this.session = session;
        this.options = options;
    }

    public int run() {
        long started = System.nanoTime();
        SyncRunner runner = new SyncRunner(session.protocol, session.stderr);
        session.onCancel(runner::cancel); // a server's client that went away, or its shutdown
        session.interruption.handleWith(() -> { // from here on a signal ends the sync with a CANCELLED summary
            runner.cancel();
            session.stderr.println(session.interruption.signalName() + " received: the sync stops at the next record and saves its state;"
                    + " send it again to exit at once.");
        });
        session.protocol.consequenceOfClosedOutput("so the sync stopped; state was saved only up to the records already delivered.");
        String connectorName = options.connector().reference();
        Optional<StateFile> stateFile = options.stateFile().map(p -> StateFile.at(p, session::registry, session.mapper));
        String format = options.format().trim().toLowerCase(Locale.ROOT);
        try {
            ResolvedConnector connector = session.resolver().resolve(options.connector().reference());
            connectorName = connector.info().name();
            ObjectNode config = session.config(connector, options.connector());
            SyncState state = incomingState(stateFile);
            stateFile.ifPresent(StateFile::checkWritable);
            SinkFactory sinkFactory = sinkFactory(format);
            try (ObjectStorage storage = Preflight.writable(storage(sinkFactory));
                    Sink sink = ProgressSink.wrap(sinkFactory.open(new SinkRequest(format, Optional.ofNullable(storage), sinkOptions(),
                            Instant.now(), session.protocol::log)), options.progress(), session.stderr, session.protocol::log);
                    Source source = session.open(connector, config)) {
                List<StreamDescriptor> streams = selectStreams(connector.info().name(), source.streams());
                SyncRequest request = new SyncRequest(connectorName, source, streams, state, stateFile,
                        options.maxRecords(), sink, options.concurrency());
                List<StreamResult> results = runner.run(request);
                writeSummary(connectorName, format, stateFile, results, started, null);
                return session.interruption.requested() ? session.interruption.exitCode() : 0;
            }
        } catch (UsageException e) {
            throw e;
        } catch (ConnectorException | UncheckedIOException | IOException e) {
            return fail(connectorName, format, stateFile, started, e.getMessage());
        } catch (RuntimeException e) {
            session.stderr.print(session.masker().stackTrace(e));
            return fail(connectorName, format, stateFile, started, "Internal error: " + e);
        } finally {
            stateFile.ifPresent(StateFile::close);
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
        if (options.stateJson().isPresent()) {
            return SyncState.parse(new ConfigLoader(session.mapper).parseObject(options.stateJson().get(), "--state-json"), "--state-json");
        }
        return stateFile.map(StateFile::read).orElseGet(SyncState::empty);
    }

    private SinkFactory sinkFactory(String format) {
        if (options.maxRecords().isPresent() && options.maxRecords().getAsLong() < 0) {
            throw new UsageException("--max-records must be 0 or more.");
        }
        if (options.concurrency() < 1) {
            throw new UsageException("--concurrency must be at least 1.");
        }
        SinkFactory factory = session.registry().sink(format).orElseThrow(() -> new ConnectorException(
                "Unknown output format '" + format + "'. Available formats: " + String.join(", ", session.registry().formats()) + "."));
        if (factory.writesFiles() && options.output().isEmpty()) {
            throw new ConnectorException("--format " + format + " writes files: add --output DIR (or an s3://, r2://, gs://, az:// URL).");
        }
        if (!factory.writesFiles() && options.output().isPresent()) {
            throw new ConnectorException("--format " + format + " writes to stdout and ignores --output; remove --output or use --format parquet.");
        }
        return factory;
    }

    /** The storage behind {@code --output}: a local directory, or a plugin's object store for a URL. */
    private ObjectStorage storage(SinkFactory sink) throws IOException {
        if (!sink.writesFiles()) {
            return null;
        }
        String output = options.output().get();
        var matcher = URL_SCHEME.matcher(output);
        String scheme = matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : "file";
        StorageFactory factory = session.registry().storage(scheme).orElseThrow(() -> new ConnectorException(
                "No installed storage plugin handles " + scheme + ":// outputs; install the cloud storage plugin or write to a local directory."));
        URI location = scheme.equals("file") && !matcher.matches() ? Path.of(output).toAbsolutePath().normalize().toUri() : URI.create(output);
        return factory.open(location);
    }

    private ObjectNode sinkOptions() {
        ObjectNode node = session.mapper.createObjectNode();
        for (String option : options.sinkOptions()) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--sink-option must look like key=value, not '" + option + "'.");
            }
            node.put(option.substring(0, eq).trim(), option.substring(eq + 1).trim());
        }
        return node;
    }

    private List<StreamDescriptor> selectStreams(String connector, List<StreamDescriptor> available) {
        Set<String> requested = new LinkedHashSet<>(options.streams()); // names are whole here: the CLI parsed its escapes
        if (requested.isEmpty()) {
            return available;
        }
        Map<String, StreamDescriptor> byName = available.stream().collect(Collectors.toMap(StreamDescriptor::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<StreamDescriptor> selected = new ArrayList<>();
        for (String name : requested) {
            StreamDescriptor stream = byName.get(name);
            if (stream == null) {
                throw new ConnectorException("Unknown stream '" + name + "' for connector '" + connector + "'. Available streams: "
                        + byName.keySet().stream().map(StreamNames::quote).collect(Collectors.joining(", ")) + ".");
            }
            selected.add(stream);
        }
        return selected;
    }

    private void writeSummary(String connector, String format, Optional<StateFile> stateFile, List<StreamResult> results,
            long startedNanos, String fatalError) {
        long succeeded = results.stream().filter(StreamResult::succeeded).count();
        long failed = results.stream().filter(r -> r.error().isPresent()).count();
        String status = fatalError != null || (failed > 0 && succeeded == 0) ? "FAILED" : failed > 0 ? "PARTIAL" : "SUCCEEDED";
        status = fatalError == null && (session.interruption.requested() || session.cancelled()) ? "CANCELLED" : status;
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
        output.put("state_file", stateFile.map(StateFile::location).orElse(null));
        ArrayNode streams = summary.putArray("streams");
        results.forEach(r -> streams.add(JsonViews.streamResult(r)));
        if (fatalError != null) {
            summary.put("error", fatalError);
        }
        session.protocol.write("SYNC_SUMMARY", "summary", summary);
        this.summary = summary;
    }

    /** The SYNC_SUMMARY's body once {@link #run()} wrote it, secrets not yet masked. */
    public Optional<ObjectNode> summary() {
        return Optional.ofNullable(summary);
    }

    private String outputDirectory() {
        if (options.output().isEmpty()) {
            return null;
        }
        String output = options.output().get();
        return URL_SCHEME.matcher(output).matches() ? output : Path.of(output).toAbsolutePath().normalize().toString();
    }
}
