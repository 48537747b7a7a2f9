package io.solidafy.cdk.testkit.builtin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.testkit.AcceptanceTarget;
import io.solidafy.cdk.testkit.ConnectorAcceptanceTest;
import io.solidafy.cdk.testkit.RecordedApi;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The built-in {@code hubspot} connector's stream {@code contacts} through the acceptance suite, on recorded pages. */
class HubSpotAcceptanceTest extends ConnectorAcceptanceTest {

    @RegisterExtension
    static final RecordedApi API = RecordedApi.fromClasspath("recorded/hubspot");

    private static ObjectNode config(String field, String credential) {
        return JsonNodeFactory.instance.objectNode().put(field, credential).put("base_url", API.baseUrl() + "");
    }

    @Override
    protected AcceptanceTarget target() {
        return AcceptanceTarget.of("hubspot", config("access_token", "pat-na1-AcceptanceToken0000000good")).withBadCredentials(config("access_token", "pat-na1-AcceptanceToken00000000bad")).withStreams("contacts");
    }
}
