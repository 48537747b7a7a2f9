package io.solidafy.cdk.runtime.definition;

import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.SourceFactory;

/**
 * {@code solidafy-cdk export}: the definition a connector is made from, as text a user saves and
 * changes to write their own connector. Stateless.
 */
public final class DefinitionExport {

    private DefinitionExport() {}

    /**
     * The definition text of a resolved connector, ending with a newline.
     *
     * @throws ConnectorException when the connector is not made from a definition (a database, a
     *                            plain-Java source)
     */
    public static String text(SourceFactory factory, ConnectorInfo connector) {
        String text = factory.definitionText(connector)
                .orElseThrow(() -> new ConnectorException("Connector '" + connector.name()
                        + "' is not defined by a definition file, so there is nothing to export; only declarative (YAML) connectors can be exported."));
        return text.endsWith("\n") ? text : text + "\n";
    }
}
