package io.solidafy.cdk.database;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.database.config.ConfigFields;
import io.solidafy.cdk.database.config.DatabaseConfig;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.SourceContext;
import io.solidafy.cdk.spi.source.SourceFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postgres}, {@code mysql} and {@code sqlite} connectors. Describing them touches no
 * driver and no DuckDB; those load when a source actually connects.
 */
public final class DatabaseSourceFactory implements SourceFactory {

    private final List<ConnectorInfo> connectors = Arrays.stream(DatabaseKind.values())
            .map(DatabaseSourceFactory::info)
            .toList();

    @Override
    public List<ConnectorInfo> connectors() {
        return connectors;
    }

    @Override
    public Source open(ConnectorInfo connector, ObjectNode config, SourceContext context) {
        DatabaseKind kind = DatabaseKind.forConnector(connector.name());
        return new DatabaseSource(DatabaseConfig.from(kind, config), context);
    }

    private static ConnectorInfo info(DatabaseKind kind) {
        return new ConnectorInfo(kind.connectorName(), "0.1.0", kind.aliases(), kind.description(), "Database", "database",
                ConfigFields.of(kind), List.of(), true, Optional.empty());
    }
}
