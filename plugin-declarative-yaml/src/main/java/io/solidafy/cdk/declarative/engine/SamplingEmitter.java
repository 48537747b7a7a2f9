package io.solidafy.cdk.declarative.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.schema.SchemaInferrer;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.source.Emitter;
import io.solidafy.cdk.spi.source.SourceContext;

/** The emitter of {@code discover --sample N}: feeds up to N records to a schema inferrer. */
final class SamplingEmitter implements Emitter {

    private final int limit;
    private final SchemaInferrer inferrer;
    private final SourceContext context;
    private int count;

    SamplingEmitter(int limit, SchemaInferrer inferrer, SourceContext context) {
        this.limit = limit;
        this.inferrer = inferrer;
        this.context = context;
    }

    int count() {
        return count;
    }

    @Override
    public boolean record(ObjectNode data) {
        if (count >= limit) {
            return false;
        }
        inferrer.observe(data);
        count++;
        return count < limit;
    }

    @Override
    public void checkpoint(ObjectNode streamState) {
        // sampling keeps no state
    }

    @Override
    public void page(int recordCount) {
        // pages are not reported while sampling
    }

    @Override
    public void log(LogLevel level, String message) {
        context.log(level, message);
    }

    @Override
    public boolean stopRequested() {
        return count >= limit;
    }
}
