package com.example.myplugin;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConfigField;
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
 * A connector to replace with yours: {@code my-connector} counts from 1 to {@code count} in stream
 * {@code numbers}, incrementally (the cursor is the last number read).
 */
final class CountingSourceFactory implements SourceFactory {

    private static final ConnectorInfo INFO = new ConnectorInfo("my-connector", "0.1.0", List.of(), "Counts from 1 to count",
            "Examples", "api", List.of(ConfigField.optional("count", "integer", "How far to count", IntNode.valueOf(10))),
            List.of("numbers"), false, Optional.empty());

    @Override
    public List<ConnectorInfo> connectors() {
        return List.of(INFO);
    }

    @Override
    public Source open(ConnectorInfo connector, ObjectNode config, SourceContext context) {
        int count = config.path("count").asInt(10);
        return new Source() {
            @Override
            public ConnectionStatus check() {
                return ConnectionStatus.succeeded("Ready to count to " + count + ".");
            }

            @Override
            public List<StreamDescriptor> streams() {
                ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
                schema.putObject("properties").putObject("n").put("type", "integer");
                return List.of(new StreamDescriptor("numbers", Optional.of(schema), List.of("n"), List.of(List.of("n")), true));
            }

            @Override
            public void read(StreamReadRequest request, Emitter emitter) {
                int from = request.cursor().map(c -> c.asInt() + 1).orElse(1);
                for (int n = from; n <= count; n++) {
                    if (!emitter.record(JsonNodeFactory.instance.objectNode().put("n", n))) {
                        return;
                    }
                }
            }
        };
    }
}
