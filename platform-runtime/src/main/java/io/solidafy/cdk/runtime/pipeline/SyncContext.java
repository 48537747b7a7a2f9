package io.solidafy.cdk.runtime.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.protocol.ProtocolWriter;
import io.solidafy.cdk.runtime.state.StateFile;
import io.solidafy.cdk.runtime.state.SyncState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** What every stream of one sync shares: output, state and cancellation. Thread-safe. */
final class SyncContext {

    private final ProtocolWriter protocol;
    private final SyncState state;
    private final Optional<StateFile> stateFile;
    private final AtomicBoolean cancelled;

    SyncContext(ProtocolWriter protocol, SyncState state, Optional<StateFile> stateFile, AtomicBoolean cancelled) {
        this.protocol = protocol;
        this.state = state;
        this.stateFile = stateFile;
        this.cancelled = cancelled;
    }

    ProtocolWriter protocol() {
        return protocol;
    }

    SyncState state() {
        return state;
    }

    boolean cancelled() {
        return cancelled.get();
    }

    /** Records a stream's durable state: STATE message, then the state file. */
    void publishState(String stream, ObjectNode streamState) {
        state.put(stream, streamState);
        protocol.streamState(stream, streamState);
        saveStateFile();
    }

    void saveStateFile() {
        if (stateFile.isPresent()) {
            try {
                stateFile.get().write(state);
            } catch (IOException e) {
                throw new UncheckedIOException("State file " + stateFile.get().location() + " cannot be written: " + e.getMessage(), e);
            }
        }
    }
}
