package io.solidafy.cdk.spi.sink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Everything a sink needs for one run.
 *
 * @param format    the requested format name
 * @param storage   where finished files are published; present for file-writing formats
 * @param options   format options (e.g. {@code {"compression":"zstd"}}); never null
 * @param startedAt when the run started: files of one run share its ingestion date
 * @param log       LOG protocol messages (secrets masked by the runtime)
 */
public record SinkRequest(
        String format,
        Optional<ObjectStorage> storage,
        ObjectNode options,
        Instant startedAt,
        BiConsumer<LogLevel, String> log) {

    public SinkRequest {
        Objects.requireNonNull(format, "format");
        storage = storage == null ? Optional.empty() : storage;
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(log, "log");
    }
}
