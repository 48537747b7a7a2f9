package io.solidafy.cdk.runtime.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * How one stream of a sync ended.
 *
 * @param records     records the source emitted and the sink accepted
 * @param outputFiles where the sink published them (file formats only), first part first
 * @param cursor      the stream's cursor after the run, if any
 * @param error       the reason, when the stream failed
 */
public record StreamResult(
        String stream,
        boolean succeeded,
        long records,
        long durationMs,
        List<String> outputFiles,
        Optional<com.fasterxml.jackson.databind.JsonNode> cursor,
        Optional<String> error) {

    public StreamResult {
        outputFiles = List.copyOf(outputFiles);
    }
}
