package io.solidafy.cdk.runtime.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.ops.ConnectorInput;
import io.solidafy.cdk.runtime.ops.ReadCommand;
import io.solidafy.cdk.runtime.ops.ReadOptions;
import io.solidafy.cdk.runtime.ops.ResolvedConnector;
import io.solidafy.cdk.runtime.ops.Session;
import io.solidafy.cdk.runtime.state.SyncState;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.LogLevel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;

/**
 * {@code POST /sync}: the CLI's {@code read} for one request. By default the answer is one JSON
 * document (SYNC_RESULT: the summary, the final state and, for {@code json}, the records, at most
 * {@code --max-inline-records} of them). With {@code Accept: application/x-ndjson} the protocol
 * messages are streamed as the sync produces them, in bounded memory.
 */
final class SyncRoute {

    static final String NDJSON = "application/x-ndjson";

    private final CommandRunner runner;
    private final ServerOptions options;
    private final SyncSlots slots;
    private final OutputPolicy outputs;
    private final NetworkGuard guard;
    private final ServerMetrics metrics;
    private final ScheduledExecutorService timer;

    SyncRoute(CommandRunner runner, ServerOptions options, SyncSlots slots, NetworkGuard guard, ServerMetrics metrics,
            ScheduledExecutorService timer) {
        this.runner = runner;
        this.options = options;
        this.slots = slots;
        this.outputs = new OutputPolicy(options.outputRoot());
        this.guard = guard;
        this.metrics = metrics;
        this.timer = timer;
    }

    void handle(JsonBody body, Exchange exchange) throws IOException {
        ObjectMapper mapper = runner.mapper();
        String connector = body.requiredString("connector");
        ObjectNode config = body.optionalObject("config").map(ObjectNode::deepCopy).orElseGet(mapper::createObjectNode);
        List<String> streams = body.stringList("streams");
        String format = body.optionalString("format").orElse("json").trim().toLowerCase(Locale.ROOT);
        Optional<String> output = body.optionalString("output").filter(o -> !o.isBlank());
        Optional<ObjectNode> state = body.optionalObject("state");
        OptionalLong maxRecords = body.optionalCount("max_records");
        body.optionalObject("cursor_fields").ifPresent(cursors -> config.set("cursor_fields", cursorFields(cursors)));
        state.ifPresent(SyncRoute::checkState);
        boolean streaming = accepts(exchange, NDJSON);

        AtomicReference<Session> current = new AtomicReference<>();
        MessageCollector collector = new MessageCollector(mapper, options.maxInlineRecords(),
                () -> cancel(current.get(), "it returned more than " + options.maxInlineRecords() + " records inline"));
        OutputStream out = streaming ? new LazyResponse(exchange) : collector;
        Session session = runner.session(out);
        current.set(session);
        ResolvedConnector resolved = session.resolve(connector);
        try {
            session.validConfig(resolved, config);
        } finally {
            exchange.masker(session.masker());
        }
        guard.check(config);
        checkFormat(format, output);
        Optional<String> destination = output.map(outputs::resolve);
        ReadOptions read = new ReadOptions(new ConnectorInput(connector, Optional.of(json(mapper, config)), Optional.empty()), streams,
                state.map(s -> json(mapper, s)), Optional.empty(), format, destination, List.of(), maxRecords, 1, io.solidafy.cdk.runtime.progress.ProgressMode.OFF);

        slots.acquire(session);
        AtomicBoolean timedOut = new AtomicBoolean();
        Optional<ScheduledFuture<?>> deadline = scheduleTimeout(session, timedOut);
        exchange.request().addFailureListener(failure -> cancel(session, "the client went away"));
        try {
            ReadCommand command = new ReadCommand(session, read);
            command.run();
            Optional<ObjectNode> summary = command.summary();
            summary.ifPresent(s -> metrics.syncFinished(s.path("status").asText(), s.path("total_records").asLong()));
            if (streaming) {
                finishStream(session, exchange, (LazyResponse) out);
            } else {
                session.protocol().flush();
                answer(exchange, collector, resolved, format, timedOut.get());
            }
        } finally {
            deadline.ifPresent(timeout -> timeout.cancel(false));
            slots.release(session);
        }
    }

    /** The buffered answer: the summary as the sync wrote it (secrets masked), the final state, the records. */
    private void answer(Exchange exchange, MessageCollector collector, ResolvedConnector connector, String format,
            boolean timedOut) throws IOException {
        if (timedOut) {
            throw new ApiException(503, "The sync took longer than the server's request timeout (--request-timeout) and was cancelled;"
                    + " sync fewer records per request (max_records) or stream them with 'Accept: " + NDJSON + "'.");
        }
        if (collector.overflowed()) {
            throw new ApiException(400, "The sync produced more than " + options.maxInlineRecords() + " records, the most a JSON"
                    + " response holds (--max-inline-records); stream them with 'Accept: " + NDJSON + "', write them to files with"
                    + " \"format\":\"parquet\" and an \"output\", or lower \"max_records\". No state was advanced.");
        }
        ObjectMapper mapper = runner.mapper();
        ObjectNode result = collector.answer().map(m -> (ObjectNode) m.get("summary").deepCopy())
                .orElseThrow(() -> new IllegalStateException("the sync wrote no summary"));
        if (!"api".equals(connector.info().connectorType())) {
            result.put("connector_type", connector.info().connectorType());
        }
        ObjectNode noState = mapper.createObjectNode();
        noState.putObject("streams");
        result.set("state", collector.lastState().filter(s -> s.has("streams")).<JsonNode>map(JsonNode::deepCopy).orElse(noState));
        result.set("records", "json".equals(format) ? collector.records() : mapper.nullNode());
        ObjectNode data = mapper.createObjectNode();
        data.put("type", "SYNC_RESULT");
        data.set("result", result);
        exchange.success(data);
    }

    private static void finishStream(Session session, Exchange exchange, LazyResponse out) {
        if (session.protocol().broken()) {
            exchange.abort(new IOException("the client went away during the sync"));
            return;
        }
        try {
            session.protocol().flush();
            out.close();
            exchange.finish();
        } catch (ConnectorException | IOException e) {
            exchange.abort(e);
        }
    }

    /** Cancels the sync when the request timeout is reached; nothing when there is none (0). */
    private Optional<ScheduledFuture<?>> scheduleTimeout(Session session, AtomicBoolean timedOut) {
        Duration timeout = options.requestTimeout();
        if (timeout.isZero()) {
            return Optional.empty();
        }
        return Optional.of(timer.schedule(() -> {
            timedOut.set(true);
            cancel(session, "it ran longer than the server's request timeout of " + timeout.toSeconds() + " s");
        }, timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static void cancel(Session session, String reason) {
        if (session.cancelled()) {
            return;
        }
        try {
            session.protocol().log(LogLevel.WARN, "The sync is cancelled because " + reason
                    + "; its state covers only the records already written.");
        } catch (ConnectorException e) {
            // the output is gone: nothing more can be told
        }
        session.cancel();
    }

    private void checkFormat(String format, Optional<String> output) {
        if (format.equals("pretty")) {
            throw new ApiException(400, "Field 'format' must be json or parquet; 'pretty' is only for the command line.");
        }
        Optional<Boolean> writesFiles = runner.writesFiles(format);
        if (writesFiles.isEmpty()) {
            throw new ApiException(400, "Field 'format' must be one of " + String.join(", ", runner.formats()) + ", not '" + format + "'.");
        }
        if (writesFiles.get() && output.isEmpty()) {
            throw new ApiException(422, "Field 'output' is required with format " + format
                    + ": an s3://, r2://, gs:// or az:// URL, or a directory under the server's output root.");
        }
        if (!writesFiles.get() && output.isPresent()) {
            throw new ApiException(400, "Field 'output' is only for file formats; format " + format
                    + " returns the records in the response. Remove 'output' or use \"format\":\"parquet\".");
        }
    }

    private static ObjectNode cursorFields(ObjectNode cursors) {
        cursors.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual() || entry.getValue().textValue().isBlank()) {
                throw new ApiException(422, "Field 'cursor_fields' must map table names to column names, e.g."
                        + " {\"public.orders\":\"created_at\"}; '" + entry.getKey() + "' maps to " + entry.getValue() + ".");
            }
        });
        return cursors;
    }

    private static void checkState(ObjectNode state) {
        try {
            SyncState.parse(state, "Field 'state'");
        } catch (ConnectorException e) {
            throw new ApiException(422, e.getMessage());
        }
    }

    private static boolean accepts(Exchange exchange, String mediaType) {
        String accept = exchange.request().getHeaders().get(HttpHeader.ACCEPT);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(mediaType);
    }

    private static String json(ObjectMapper mapper, JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The NDJSON response, started (status 200) by the first byte the sync writes. */
    private static final class LazyResponse extends OutputStream {
        private final Exchange exchange;
        private OutputStream out;

        LazyResponse(Exchange exchange) {
            this.exchange = exchange;
        }

        private OutputStream out() {
            if (out == null) {
                exchange.response().getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                // one blocking network write per 64 KiB rather than per generator flush
                out = new BufferedOutputStream(exchange.stream(200, NDJSON), 1 << 16);
            }
            return out;
        }

        @Override
        public void write(int b) throws IOException {
            out().write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out().write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out().flush();
        }

        @Override
        public void close() throws IOException {
            out().close();
        }
    }
}
