package io.solidafy.cdk.runtime.pipeline;

import io.solidafy.cdk.runtime.state.StateFile;
import io.solidafy.cdk.runtime.state.SyncState;
import io.solidafy.cdk.spi.sink.Sink;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One sync, fully resolved: which source, which streams, from which state, into which sink.
 *
 * @param connector   connector name, echoed in SYNC_SUMMARY
 * @param streams     selected streams, in run order
 * @param state       incoming state of every stream (updated in place as streams complete)
 * @param stateFile   where state is saved at checkpoints and at the end
 * @param maxRecords  exact cap per stream
 * @param concurrency streams read at once (1 = one after the other, in order)
 */
public record SyncRequest(
        String connector,
        Source source,
        List<StreamDescriptor> streams,
        SyncState state,
        Optional<StateFile> stateFile,
        OptionalLong maxRecords,
        Sink sink,
        int concurrency) {

    public SyncRequest {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(source, "source");
        streams = List.copyOf(streams);
        Objects.requireNonNull(state, "state");
        stateFile = stateFile == null ? Optional.empty() : stateFile;
        maxRecords = maxRecords == null ? OptionalLong.empty() : maxRecords;
        Objects.requireNonNull(sink, "sink");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }
}
