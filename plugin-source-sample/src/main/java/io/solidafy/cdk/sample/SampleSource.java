package io.solidafy.cdk.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.source.ConnectionStatus;
import io.solidafy.cdk.spi.source.Emitter;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import io.solidafy.cdk.spi.source.StreamReadRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Generates {@code count} records per stream in {@code updated_at} order. With a saved cursor it
 * starts right after it, so a second run with the same count emits nothing and a run with a higher
 * count emits only the new records. Stateless, hence thread-safe.
 */
final class SampleSource implements Source {

    /** Records between checkpoints: state advances during long runs. */
    static final int CHECKPOINT_EVERY = 50_000;

    private final SampleConfig config;

    SampleSource(SampleConfig config) {
        this.config = config;
    }

    @Override
    public ConnectionStatus check() {
        return ConnectionStatus.succeeded("Connection successful");
    }

    @Override
    public List<StreamDescriptor> streams() {
        return Arrays.stream(SampleStream.values()).map(s -> s.descriptor(false)).toList();
    }

    @Override
    public List<StreamDescriptor> discover(int sampleSize) {
        return Arrays.stream(SampleStream.values()).map(s -> s.descriptor(true)).toList();
    }

    @Override
    public void read(StreamReadRequest request, Emitter emitter) {
        SampleStream stream = SampleStream.named(request.stream().name()).orElseThrow(
                () -> new ConnectorException("The sample connector has no stream '" + request.stream().name() + "'."));
        long first = request.cursor().map(c -> firstIndexAfter(stream, c)).orElse(0L);
        for (long i = first; i < config.count(); i++) {
            ObjectNode record = stream.generate(i, config.seed());
            boolean more = emitter.record(record);
            if ((i + 1 - first) % CHECKPOINT_EVERY == 0) {
                emitter.checkpoint(state(record));
            }
            if (!more) {
                return;
            }
        }
    }

    private static ObjectNode state(ObjectNode lastRecord) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.set("cursor", lastRecord.get(SampleStream.CURSOR_FIELD));
        return state;
    }

    /** The index of the first record whose {@code updated_at} is after the cursor. */
    private static long firstIndexAfter(SampleStream stream, JsonNode cursor) {
        Instant after;
        try {
            after = Instant.parse(cursor.asText());
        } catch (DateTimeParseException e) {
            throw new ConnectorException("The saved cursor of stream '" + stream.streamName() + "' is " + cursor
                    + ", but the sample connector expects an ISO-8601 timestamp such as 2024-01-01T00:01:00Z; fix or drop that state.");
        }
        long elapsed = after.getEpochSecond() - SampleStream.EPOCH_SECONDS;
        return Math.max(0, Math.floorDiv(elapsed, SampleStream.STEP_SECONDS));
    }
}
