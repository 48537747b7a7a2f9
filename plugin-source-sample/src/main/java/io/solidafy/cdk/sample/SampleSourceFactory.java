package io.solidafy.cdk.sample;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConfigField;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.SourceContext;
import io.solidafy.cdk.spi.source.SourceFactory;
import java.util.List;
import java.util.Optional;

/** Describes and opens the {@code sample} connector. */
public final class SampleSourceFactory implements SourceFactory {

    static final String NAME = "sample";

    private static final ConnectorInfo INFO = new ConnectorInfo(
            NAME,
            "1.0.0",
            List.of(),
            "Deterministic synthetic customers, orders and products; needs no credentials",
            "Testing",
            "api",
            List.of(
                    new ConfigField("count", "integer", false, false,
                            "Records per stream; raise it between runs to see incremental sync pick up only the new ones",
                            Optional.of(IntNode.valueOf(100))),
                    new ConfigField("seed", "integer", false, false,
                            "Seed of the generated values; the same seed gives the same records",
                            Optional.of(IntNode.valueOf(42)))),
            SampleStream.names(),
            false,
            Optional.empty());

    @Override
    public List<ConnectorInfo> connectors() {
        return List.of(INFO);
    }

    @Override
    public Source open(ConnectorInfo connector, ObjectNode config, SourceContext context) {
        return new SampleSource(SampleConfig.from(config));
    }
}
