package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.source.Emitter;

/** An emitter that wants nothing (used where partitions are only planned, e.g. by check). */
final class SilentEmitter implements Emitter {

    @Override
    public boolean record(ObjectNode data) {
        return false;
    }

    @Override
    public void checkpoint(ObjectNode streamState) {
        // nothing to keep
    }

    @Override
    public void page(int recordCount) {
        // nothing to count
    }

    @Override
    public void log(LogLevel level, String message) {
        // silent
    }

    @Override
    public boolean stopRequested() {
        return true;
    }
}
