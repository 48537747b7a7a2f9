package io.solidafy.cdk.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.protocol.ProtocolWriter;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.sink.StreamWriter;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import io.solidafy.cdk.spi.source.StreamReadRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the read pipeline: each selected stream from the source through the sink, STATE only after
 * the data it covers is durable, then the final STATE and the state file. A stream that fails is
 * reported and does not stop the others.
 */
public final class SyncRunner {

    private final ProtocolWriter protocol;
    private final PrintStream diagnostics;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param protocol    LOG and STATE messages
     * @param diagnostics stack traces of internal errors (stderr), never stdout
     */
    public SyncRunner(ProtocolWriter protocol, PrintStream diagnostics) {
        this.protocol = protocol;
        this.diagnostics = diagnostics;
    }

    /**
     * Asks running streams to stop at their next record; each then publishes what it wrote and
     * saves state up to it, and streams not started yet are skipped. Safe from any thread.
     */
    public void cancel() {
        cancelled.set(true);
    }

    /** Runs every stream and writes the final STATE; returns one result per stream, in order. */
    public List<StreamResult> run(SyncRequest request) {
        SyncContext sync = new SyncContext(protocol, request.state(), request.stateFile(), cancelled);
        List<StreamResult> results = new ArrayList<>();
        if (request.concurrency() == 1 || request.streams().size() == 1) {
            for (StreamDescriptor stream : request.streams()) {
                StreamResult result = runStream(request, stream, sync);
                if (result != null) {
                    results.add(result);
                }
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.concurrency(), request.streams().size()));
            try {
                List<Future<StreamResult>> futures = new ArrayList<>();
                for (StreamDescriptor stream : request.streams()) {
                    futures.add(pool.submit(() -> runStream(request, stream, sync)));
                }
                for (Future<StreamResult> future : futures) {
                    StreamResult result = future.get();
                    if (result != null) {
                        results.add(result);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                throw new ConnectorException("The sync was interrupted.");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        protocol.globalState(sync.state().streams());
        sync.saveStateFile();
        return results;
    }

    /** Runs one stream to its end; null when the sync was cancelled before it started. */
    private StreamResult runStream(SyncRequest request, StreamDescriptor stream, SyncContext sync) {
        if (sync.cancelled()) {
            return null;
        }
        long started = System.nanoTime();
        String name = stream.name();
        protocol.log(LogLevel.INFO, "Starting sync for stream: " + name);
        ObjectNode incoming = sync.state().stream(name);
        StreamWriter writer = null;
        StreamRun run = null;
        try {
            writer = request.sink().openStream(stream);
            run = new StreamRun(stream, incoming, request.maxRecords().orElse(Long.MAX_VALUE), writer, sync);
            request.source().read(new StreamReadRequest(stream, incoming.deepCopy(), request.maxRecords()), run);
            run.drain();
            List<String> files = writer.commit();
            writer = null;
            ObjectNode state = run.completedState();
            run.publish(state);
            if (run.cutByCancel()) {
                protocol.log(LogLevel.WARN, "Stream " + name + " stopped because the sync was cancelled: " + run.records()
                        + " records delivered");
                return new StreamResult(name, false, run.records(), millisSince(started), files, cursor(state), Optional.empty(), true);
            }
            protocol.log(LogLevel.INFO, "Completed sync for " + name + ": " + run.records() + " records"
                    + (run.pages() > 0 ? " in " + run.pages() + " pages" : ""));
            return new StreamResult(name, true, run.records(), millisSince(started), files, cursor(state), Optional.empty());
        } catch (Throwable e) {
            if (run != null) {
                run.drainQuietly();
            }
            if (writer != null) {
                writer.abort();
            }
            protocol.checkUsable(); // once stdout is gone, the whole sync stops
            String error = describe(e, name);
            protocol.log(LogLevel.ERROR, "Stream " + name + " failed: " + error);
            long records = run == null ? 0 : run.records();
            ObjectNode state = run == null ? incoming : run.durableState();
            return new StreamResult(name, false, records, millisSince(started), List.of(), cursor(state), Optional.of(error));
        }
    }

    /**
     * The stream's error as one sentence: the message of a {@link ConnectorException} or I/O error
     * in the cause chain; anything else is an internal error whose stack trace goes to stderr.
     */
    private String describe(Throwable e, String stream) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectorException) {
                return cause.getMessage();
            }
        }
        if ((e instanceof IOException || e instanceof UncheckedIOException) && e.getMessage() != null) {
            return e.getMessage();
        }
        diagnostics.print("Internal error in stream " + stream + ": " + protocol.masker().stackTrace(e));
        return "Internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static Optional<JsonNode> cursor(ObjectNode state) {
        return Optional.ofNullable(state.get("cursor"));
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
