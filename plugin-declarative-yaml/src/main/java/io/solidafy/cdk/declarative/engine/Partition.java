package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One slice of a stream.
 *
 * @param id          key under {@code partitions} in the state; empty for a partition that is not
 *                    tracked (the whole stream, or an async job that must run anew each time)
 * @param values      what templates see as {@code partition.*}
 * @param vars        what templates see as {@code vars.*} (e.g. {@code job_id})
 * @param request     the request block to page through instead of the stream's (async_job download)
 * @param recordsPath overrides the decoder's records_path
 */
record Partition(Optional<String> id, ObjectNode values, ObjectNode vars, Optional<com.fasterxml.jackson.databind.JsonNode> request,
        Optional<String> recordsPath) {}
