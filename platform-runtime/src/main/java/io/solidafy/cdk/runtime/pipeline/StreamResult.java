package io.solidafy.cdk.runtime.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * How one stream of a sync ended: succeeded, failed (with an error), or cut short by a cancelled
 * sync (neither: what it delivered is published and covered by its state).
 *
 * @param records     records the source emitted and the sink accepted
 * @param outputFiles where the sink published them (file formats only), first part first
 * @param cursor      the stream's cursor after the run, if any
 * @param error       the reason, when the stream failed
 * @param cancelled   the sync was cancelled while this stream ran
 */
public record StreamResult(
        String stream,
        boolean succeeded,
        long records,
        long durationMs,
        List<String> outputFiles,
        Optional<com.fasterxml.jackson.databind.JsonNode> cursor,
        Optional<String> error,
        boolean cancelled) {

    public StreamResult {
        outputFiles = List.copyOf(outputFiles);
    }

    public StreamResult(String stream, boolean succeeded, long records, long durationMs, List<String> outputFiles,
            Optional<com.fasterxml.jackson.databind.JsonNode> cursor, Optional<String> error) {
        this(stream, succeeded, records, durationMs, outputFiles, cursor, error, false);
    }

    /** {@code SUCCESS}, {@code FAILED} or {@code CANCELLED}, as SYNC_SUMMARY shows it. */
    public String status() {
        return succeeded ? "SUCCESS" : cancelled ? "CANCELLED" : "FAILED";
    }
}
