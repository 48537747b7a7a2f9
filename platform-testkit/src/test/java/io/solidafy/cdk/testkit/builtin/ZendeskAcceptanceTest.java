package io.solidafy.cdk.testkit.builtin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.testkit.AcceptanceTarget;
import io.solidafy.cdk.testkit.ConnectorAcceptanceTest;
import io.solidafy.cdk.testkit.RecordedApi;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The built-in {@code zendesk} connector's stream {@code tickets} through the acceptance suite, on recorded pages. */
class ZendeskAcceptanceTest extends ConnectorAcceptanceTest {

    @RegisterExtension
    static final RecordedApi API = RecordedApi.fromClasspath("recorded/zendesk");

    private static ObjectNode config(String field, String credential) {
        return JsonNodeFactory.instance.objectNode().put(field, credential).put("subdomain", "acme").put("email", "agent@acme.example").put("base_url", API.baseUrl() + "/api/v2");
    }

    @Override
    protected AcceptanceTarget target() {
        return AcceptanceTarget.of("zendesk", config("api_token", "zd-AcceptanceToken000000000good")).withBadCredentials(config("api_token", "zd-AcceptanceToken0000000000bad")).withStreams("tickets");
    }
}
