package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.source.Emitter;
import java.util.function.Consumer;

/**
 * The emitter a parent stream is read into when it only supplies partition values: records go to
 * a collector instead of the output; logs and stop requests pass through to the child's emitter.
 */
final class ParentCollector implements Emitter {

    private final Emitter child;
    private final Consumer<ObjectNode> records;

    ParentCollector(Emitter child, Consumer<ObjectNode> records) {
        this.child = child;
        this.records = records;
    }

    @Override
    public boolean record(ObjectNode data) {
        records.accept(data);
        return !child.stopRequested();
    }

    @Override
    public void checkpoint(ObjectNode streamState) {
        // the parent's progress is not the child's state
    }

    @Override
    public void page(int recordCount) {
        // parent pages are not the child's pages
    }

    @Override
    public void log(LogLevel level, String message) {
        child.log(level, message);
    }

    @Override
    public boolean stopRequested() {
        return child.stopRequested();
    }
}
