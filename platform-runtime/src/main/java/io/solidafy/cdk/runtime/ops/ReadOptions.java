package io.solidafy.cdk.runtime.ops;

import io.solidafy.cdk.runtime.progress.ProgressMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code read} (and {@code POST /sync}) is asked to do, independent of where it was asked.
 *
 * @param connector   connector and config
 * @param streams     streams to sync, in this order; whole names; empty: all
 * @param stateJson   state of a previous run, as JSON
 * @param stateFile   where state is read from and saved to
 * @param format      output format ({@code json}, {@code pretty}, {@code parquet}, ...)
 * @param output      directory or URL for file formats
 * @param sinkOptions format options as {@code key=value}
 * @param maxRecords  exact cap per stream
 * @param concurrency streams read at once
 * @param progress    where progress of a long run is reported
 */
public record ReadOptions(
        ConnectorInput connector,
        List<String> streams,
        Optional<String> stateJson,
        Optional<String> stateFile,
        String format,
        Optional<String> output,
        List<String> sinkOptions,
        OptionalLong maxRecords,
        int concurrency,
        ProgressMode progress) {

    public ReadOptions {
        Objects.requireNonNull(connector, "connector");
        streams = List.copyOf(streams);
        stateJson = stateJson == null ? Optional.empty() : stateJson;
        stateFile = stateFile == null ? Optional.empty() : stateFile;
        Objects.requireNonNull(format, "format");
        output = output == null ? Optional.empty() : output;
        sinkOptions = List.copyOf(sinkOptions);
        maxRecords = maxRecords == null ? OptionalLong.empty() : maxRecords;
        progress = progress == null ? ProgressMode.OFF : progress;
    }
}
