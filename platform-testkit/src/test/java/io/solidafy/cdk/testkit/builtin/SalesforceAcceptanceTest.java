package io.solidafy.cdk.testkit.builtin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.testkit.AcceptanceTarget;
import io.solidafy.cdk.testkit.ConnectorAcceptanceTest;
import io.solidafy.cdk.testkit.RecordedApi;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The built-in {@code salesforce} connector's stream {@code accounts} through the acceptance suite, on recorded pages. */
class SalesforceAcceptanceTest extends ConnectorAcceptanceTest {

    @RegisterExtension
    static final RecordedApi API = RecordedApi.fromClasspath("recorded/salesforce");

    private static ObjectNode config(String field, String credential) {
        return JsonNodeFactory.instance.objectNode().put(field, credential).put("instance_url", "https://acme.my.salesforce.com").put("base_url", API.baseUrl() + "/services/data/v59.0");
    }

    @Override
    protected AcceptanceTarget target() {
        return AcceptanceTarget.of("salesforce", config("access_token", "00DAcceptanceSessionToken000000good")).withBadCredentials(config("access_token", "00DAcceptanceSessionToken0000000bad")).withStreams("accounts");
    }
}
