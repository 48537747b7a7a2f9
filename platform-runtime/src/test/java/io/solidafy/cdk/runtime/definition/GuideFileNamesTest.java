package io.solidafy.cdk.runtime.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which file references stand for built-in connectors: only {@code .yaml}/{@code .yml} files in a folder named connectors. */
class GuideFileNamesTest {

    @Test
    void fileNamesInAConnectorsFolderNameAConnector() {
        assertEquals(Optional.of("stripe"), GuideFileNames.connectorReference("connectors/stripe.yaml"));
        assertEquals(Optional.of("openai-billing"), GuideFileNames.connectorReference("./connectors/openai-billing.yaml"));
        assertEquals(Optional.of("github"), GuideFileNames.connectorReference("/opt/solidafy/connectors/github.yml"));
        assertEquals(Optional.of("zendesk"), GuideFileNames.connectorReference("connectors\\zendesk.YAML"));
    }

    @Test
    void otherReferencesNameNothing() {
        assertEquals(Optional.empty(), GuideFileNames.connectorReference("stripe"));
        assertEquals(Optional.empty(), GuideFileNames.connectorReference("stripe.yaml"));
        assertEquals(Optional.empty(), GuideFileNames.connectorReference("my-connectors/stripe.yaml"));
        assertEquals(Optional.empty(), GuideFileNames.connectorReference("connectors/stripe.json"));
        assertEquals(Optional.empty(), GuideFileNames.connectorReference("connectors/.yaml"));
    }
}
