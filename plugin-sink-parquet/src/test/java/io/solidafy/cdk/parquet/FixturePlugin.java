package io.solidafy.cdk.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConfigField;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.source.ConnectionStatus;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.Emitter;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.SourceContext;
import io.solidafy.cdk.spi.source.SourceFactory;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import io.solidafy.cdk.spi.source.StreamReadRequest;
import java.util.List;
import java.util.Optional;

/**
 * A test-only source, {@code fixture}: stream {@code shop.items} emits the config's {@code records}
 * then {@code count} generated ones, checkpoints every {@code checkpoint_every} records, and fails
 * after {@code fail_after} records. A {@code schema} in the config becomes the stream's JSON schema.
 * With {@code resume}, generated records start after the saved cursor (their {@code id}), and
 * checkpoints carry that cursor.
 */
public final class FixturePlugin implements Plugin {

    static final String STREAM = "shop.items";

    @Override
    public List<SourceFactory> sources() {
        return List.of(new Factory());
    }

    private static final class Factory implements SourceFactory {
        @Override
        public List<ConnectorInfo> connectors() {
            List<ConfigField> fields = List.of(
                    ConfigField.optional("records", "array", "records to emit", null),
                    ConfigField.optional("count", "integer", "generated records to emit after them", null),
                    ConfigField.optional("fail_after", "integer", "fail after this many records", null),
                    ConfigField.optional("checkpoint_every", "integer", "checkpoint every N records", null),
                    ConfigField.optional("schema", "object", "the stream's JSON schema", null),
                    ConfigField.optional("resume", "boolean", "start generated records after the saved cursor", null));
            return List.of(new ConnectorInfo("fixture", "1.0.0", List.of(), "Parquet sink test fixture", "Test", "api", fields,
                    List.of(STREAM), false, Optional.empty()));
        }

        @Override
        public Source open(ConnectorInfo connector, ObjectNode config, SourceContext context) {
            return new FixtureSource(config);
        }
    }

    private record FixtureSource(ObjectNode config) implements Source {
        @Override
        public ConnectionStatus check() {
            return ConnectionStatus.succeeded("ok");
        }

        @Override
        public List<StreamDescriptor> streams() {
            JsonNode schema = config.get("schema");
            return List.of(new StreamDescriptor(STREAM, schema instanceof ObjectNode o ? Optional.of(o) : Optional.empty(),
                    List.of("id"), List.of(List.of("id")), true));
        }

        @Override
        public void read(StreamReadRequest request, Emitter emitter) {
            long failAfter = config.path("fail_after").asLong(Long.MAX_VALUE);
            long every = config.path("checkpoint_every").asLong(0);
            long emitted = 0;
            JsonNode records = config.path("records");
            long count = config.path("count").asLong(0);
            long total = records.size() + count;
            long first = config.path("resume").asBoolean() ? request.cursor().map(JsonNode::asLong).orElse(0L) : 0;
            for (long i = first; i < total; i++) {
                if (emitted == failAfter) {
                    throw new ConnectorException("The fixture failed on purpose after " + emitted + " records.");
                }
                ObjectNode record = i < records.size() ? ((ObjectNode) records.get((int) i)).deepCopy() : generated(i);
                if (!emitter.record(record)) {
                    return;
                }
                emitted++;
                if (every > 0 && emitted % every == 0) {
                    ObjectNode state = JsonNodeFactory.instance.objectNode().put("emitted", emitted);
                    if (config.path("resume").asBoolean()) {
                        state.put("cursor", i + 1); // the id of the last record: a resume starts after it
                    }
                    emitter.checkpoint(state);
                }
            }
        }

        private static ObjectNode generated(long i) {
            ObjectNode record = JsonNodeFactory.instance.objectNode();
            record.put("id", i + 1);
            record.put("name", "item " + (i + 1));
            record.put("price", (i % 1000) * 1.25);
            record.putArray("tags").add("t" + (i % 7)).add("all");
            record.putObject("dims").put("w", i % 100).put("h", i % 13);
            return record;
        }
    }
}
